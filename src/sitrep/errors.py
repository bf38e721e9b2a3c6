"""Every error sitrep raises, in one place.

SitrepError
├─ ConfigError     bad settings or arguments: stop before any work
├─ ResourceError   model/gazetteer missing: say which file and the script that builds it
├─ InputError      one article is unusable (doc_id, stage, reason)
│  └─ DecodeError, EmptyArticleError, MissingDateError
└─ StoreError      database failure; the transaction is rolled back
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class ConfigError(SitrepError):
    """Bad settings or arguments; raised before any work is done."""


class ResourceError(SitrepError):
    """A model or gazetteer is missing or unreadable."""


class StoreError(SitrepError):
    """A database operation failed; the batch's transaction was rolled back."""


class InputError(SitrepError):
    """One input is unusable; the batch goes on without it.

    Args:
        source: the file (and line, for JSON Lines) or document id that failed.
        stage: the pipeline stage that rejected it (``ingest``, ``nlp`` ...).
        reason: one line saying what is wrong.
    """

    def __init__(self, source: str, reason: str, stage: str = "ingest") -> None:
        self.source = source
        self.stage = stage
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DecodeError(InputError):
    """The input is not readable text (binary, bad encoding, broken JSON)."""


class EmptyArticleError(InputError):
    """The input holds no article text."""


class MissingDateError(InputError):
    """The article has no publication date; sitrep never guesses one."""
