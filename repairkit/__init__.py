"""repairkit: find and repair damage in scraped text.

Detectors flag damaged places with exact code-point spans; reference articles supply
evidence for repairs; nothing is ever guessed. The Python API (:mod:`repairkit.api`):
``repairkit.scan_text``, ``repairkit.scan_file`` and ``repairkit.batch``, imported on first use
so that ``import repairkit`` (and ``repairkit --version``) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "batch", "scan_file", "scan_text"]

if TYPE_CHECKING:
    from repairkit.api import batch, scan_file, scan_text

_API = frozenset({"batch", "scan_file", "scan_text"})


def __getattr__(name: str) -> Any:
    if name in _API:  # loaded on first use: the API imports the whole scan
        return getattr(importlib.import_module("repairkit.api"), name)
    raise AttributeError(f"module 'repairkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
