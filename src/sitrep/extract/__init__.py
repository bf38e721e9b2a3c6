"""The extract stage: find the clauses that report incidents and build one event each.

``sitrep.extract(text, published=..., source=...)`` is also the public one-call API.
Importing this subpackage makes Python bind ``sitrep.extract`` to it, which would hide
that function; the module is therefore made callable and calls the same function.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableStage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sitrep import _extract_api

        return _extract_api(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableStage
