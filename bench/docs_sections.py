"""What every bench script needs to write its part of docs/benchmarks.md.

Each script owns one section between its own markers; these helpers replace that section
and leave the rest of the file alone, and label a run with the commit it measured.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "benchmarks.md"


def commit_label() -> str:
    """Short hash of HEAD, marked when src/ has uncommitted changes; "unknown" outside git."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return head + (" + uncommitted changes in src/" if dirty else "")


def replace_section(
    begin: str,
    end: str,
    section: str,
    *,
    after: str | None = None,
    heading: str = "",
    new_file: str = "",
    docs: Path = DOCS,
) -> None:
    """Put ``section`` (which starts with ``begin`` and ends with ``end``) into ``docs``.

    Args:
        begin: the section's opening marker.
        end: its closing marker.
        section: the new section, markers included.
        after: when the section is absent, insert it after this marker if present.
        heading: when the section is absent, write this heading line before it.
        new_file: the text to start from when ``docs`` does not exist yet.
        docs: the file (docs/benchmarks.md).
    """
    text = docs.read_text(encoding="utf-8") if docs.is_file() else new_file
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        rest = rest.split(end, 1)[1].lstrip("\n")
        text = before + section + ("\n" + rest if rest else "")
    else:
        lead = f"\n\n{heading}\n\n" if heading else "\n\n"
        if after is not None and after in text:
            before, rest = text.split(after, 1)
            text = before + after + lead + section + rest
        else:
            text = text.rstrip("\n") + lead + section
    docs.parent.mkdir(parents=True, exist_ok=True)
    docs.write_text(text, encoding="utf-8")
