"""Detector families, one module each; :mod:`repairkit.registry` joins their ``DETECTORS``.

Every public module in this package (a name not starting with ``_``) is a family and
ends with a ``DETECTORS`` tuple, so adding a family touches only its own module.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def family_modules() -> tuple[ModuleType, ...]:
    """Import and return every family module, sorted by name."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)
