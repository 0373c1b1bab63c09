"""Confidence of reference-fact matches, and the one policy that turns confidence into safe / unsafe / manual.

Confidence comes from a calibration table measured by a benchmark (never a literal in the
code that builds a suggestion); :func:`~repairkit.calibration.applicability` (its one home is
:mod:`repairkit.calibration`, which calibrates the rules' readings) decides who may apply it (a fact from a related story is capped at ``unsafe``):

>>> applicability(0.95, 0, False).name, applicability(0.95, 0, True).name
('SAFE', 'MANUAL')

``data/fact_calibration.tsv`` holds the measured precision of reference-fact matches by score
bucket (written by ``python -m benchmarks.related_story --half even --seeds 2 --write-calibration``):

>>> row = fact_calibration()[-1]
>>> row.reading, row.low <= row.high, 0.0 <= row.precision <= 1.0, row.benchmark
('weak', True, True, 'benchmarks.related_story')
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from importlib import resources

from repairkit.calibration import applicability
from repairkit.model import MEDIUM_CONFIDENCE

__all__ = ["applicability", "fact_calibration", "fact_confidence", "parse_calibration"]

#: First line of the calibration file; the loader refuses any other format.
CALIBRATION_HEADER = "# repairkit fact calibration, format 1"
#: Readings of a fact match: a frame match, a near tie (a competitor fits almost as well), a
#: contested one (a competitor fits better, or another hole takes its number), a weak frame (the
#: sentences share little), or one about another period, place or subject.
READINGS = ("frame", "tie", "contested", "weak", "conflict")


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    """Measured precision of the suggestions whose score fell in ``[low, high)``."""

    reading: str
    low: float
    high: float
    precision: float
    sample: int
    benchmark: str
    date: datetime.date


def parse_calibration(lines: list[str]) -> list[CalibrationRow]:
    """Rows of a calibration file; ``ValueError`` naming the first bad line.

    >>> parse_calibration([CALIBRATION_HEADER, "frame\\t01\\t0.0\\t0.5\\t0.8\\t120\\tb\\t2026-01-02"])[0].precision
    0.8
    >>> parse_calibration(["frame\\t01\\t0\\t1\\t2\\t3\\tb\\t2026-01-02"])
    Traceback (most recent call last):
    ValueError: fact_calibration.tsv: unknown format header
    """
    if not lines or lines[0] != CALIBRATION_HEADER:
        raise ValueError("fact_calibration.tsv: unknown format header")
    rows: list[CalibrationRow] = []
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        try:
            reading, bucket, low, high, precision, sample, benchmark, date = cells
            row = CalibrationRow(reading, float(low), float(high), float(precision), int(sample), benchmark,
                                 datetime.date.fromisoformat(date))
            int(bucket)
        except ValueError:
            raise ValueError(f"fact_calibration.tsv:{number}: expected 8 tab-separated cells "
                             "(reading, bucket, low, high, precision, sample, benchmark, date)") from None
        if row.reading not in READINGS or not row.low < row.high or not 0.0 <= row.precision <= 1.0 \
                or row.sample <= 0:
            raise ValueError(f"fact_calibration.tsv:{number}: bad row {line!r}")
        rows.append(row)
    for reading in READINGS:
        own = [r for r in rows if r.reading == reading]
        if any(a.high != b.low for a, b in zip(own, own[1:], strict=False)):
            raise ValueError(f"fact_calibration.tsv: the {reading} buckets must be sorted and contiguous")
    return rows


@cache
def fact_calibration() -> tuple[CalibrationRow, ...]:
    """The shipped calibration of reference-fact matches (read once)."""
    text = resources.files("repairkit").joinpath("data", "fact_calibration.tsv").read_text("utf-8")
    return tuple(parse_calibration(text.splitlines()))


def fact_confidence(score: float, reading: str) -> float:
    """The measured precision of fact matches of ``reading`` scored like ``score``.

    A conflicting reading (another period, place or subject) stays below medium whatever it measured.

    >>> 0.0 <= fact_confidence(-5.0, "frame") <= fact_confidence(5.0, "frame") <= 1.0
    True
    >>> fact_confidence(5.0, "conflict") < MEDIUM_CONFIDENCE
    True
    """
    rows = [r for r in fact_calibration() if r.reading == reading]
    if not rows:
        return 0.0
    row = next((r for r in rows if r.low <= score < r.high), rows[0] if score < rows[0].low else rows[-1])
    if reading == "conflict":  # another period, place or subject: a person compares, whatever the wording says
        return min(row.precision, _below(MEDIUM_CONFIDENCE))
    return row.precision


def _below(level: float) -> float:
    """The largest two-decimal confidence under ``level``."""
    return round(level - 0.01, 2)
