"""sitrep: conflict reporting in, structured and verifiable incidents out.

The public API imports nothing heavy; the model and gazetteer load on first use.

>>> import datetime, sitrep
>>> events = sitrep.extract("...", published=datetime.date(2023, 11, 13), source="Wire")
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.model import Event

__all__ = ["extract"]
__version__ = "0.1.0"


def _extract_api(text: str, *, published: dt.date | str, source: str = "unknown") -> list[Event]:
    """Extract the incidents one article reports, without storing anything.

    Args:
        text: the article text.
        published: its publication date (``date`` or ISO string); relative dates resolve against it.
        source: the outlet's name.

    Returns:
        One :class:`~sitrep.model.Event` per incident, in text order.
    """
    from sitrep.pipeline import extract_text

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return extract_text(text, published=published, source=source)


# ``sitrep.extract`` is this function until the extract subpackage is imported, then the
# subpackage itself, which is callable and calls this function (see sitrep/extract/__init__.py).
extract = _extract_api
