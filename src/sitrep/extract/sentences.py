"""Cheap sentence splitting and the candidate filter that decides what gets parsed.

Most sentences of a news article report no violence; only those with a trigger word
go through spaCy's parser, which is what makes the pipeline faster than ``nlp.pipe``
over whole articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.dates import DATELINE

# A sentence ends at . ! ? (optionally followed by a closing quote) and whitespace,
# unless the period belongs to an abbreviation or an initial.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "approx",
    "inc",
    "co",
    "corp",
    "rev",
    "gov",
    "sen",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the article text."""

    start: int
    end: int
    text: str
    index: int


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets; paragraphs always end a sentence."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + 1 if text[match.start()] in ".!?" else match.start()
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        # keep a closing quote with its sentence
        while end < len(text) and text[end] in "\"'”’)":
            end += 1
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or a single initial."""
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = start + lead
    opening = DATELINE.match(stripped)
    if opening and (opening.group("date") or opening.group("place").isupper()):
        # "BUNIA, Feb 12 - Militiamen clashed ...": the parser takes the dateline for the
        # subject; the sentence starts after it (geocoding and dates read the whole text)
        rest = stripped[opening.end() :]
        if rest.strip():
            begin += opening.end() + len(rest) - len(rest.lstrip())
            stripped = rest.strip()
    sentences.append(Sentence(begin, begin + len(stripped), stripped, len(sentences)))
