"""The one-call Python API: ``sitrep.extract(text, published=..., source=...)``."""

from __future__ import annotations

import datetime as dt
import importlib

import sitrep

TEXT = "Gunmen killed four people in Kaduna on Monday, police said."


def test_extract_api_can_be_called_again_after_the_stage_is_imported() -> None:
    first = sitrep.extract(TEXT, published="2023-05-03", source="Wire")
    importlib.import_module("sitrep.extract.events")  # binds sitrep.extract to the subpackage

    second = sitrep.extract(TEXT, published=dt.date(2023, 5, 3), source="Wire")
    assert [e.model_dump() for e in first] == [e.model_dump() for e in second]
    assert len(second) == 1
    assert second[0].fatalities.best == 4
    assert second[0].date.start == dt.date(2023, 5, 1)
