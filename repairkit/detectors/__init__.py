"""Detector families, one module each; :mod:`repairkit.registry` joins their ``DETECTORS``."""

from repairkit.detectors import numbers

#: Every family module; each ends with a ``DETECTORS`` tuple of :class:`DetectorSpec`.
FAMILY_MODULES = (numbers,)
