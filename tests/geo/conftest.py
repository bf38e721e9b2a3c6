"""Fixtures for the geo tests: the real compiled gazetteer (built on first use)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The bundled offline gazetteer."""
    return Gazetteer.open_default()
