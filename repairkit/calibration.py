"""Confidence in one home: every rule's reading has a measured row in ``data/calibration.tsv``.

A rule never writes a confidence. It names its *reading* (what kind of repair it proposes, e.g.
``RK201.contraction``), declared once at import with :func:`reading`, and builds its suggestion
with :func:`suggest`; the confidence comes from the table, which
``python -m benchmarks.calibration --write`` measures: damaged and undamaged articles of the even
halves of both corpora are scanned, and each suggestion is right when applying it brings the
text closer to the undamaged original. The table keeps the measured precision, the sample size,
the benchmark and the date; the confidence a rule gets is the lower end of the 95% Wilson
interval of that precision, so a reading seen ten times cannot claim what one seen a thousand
times can. :func:`applicability` is the one policy that turns confidence, alternatives and
contest into safe / unsafe / manual; a reading is safe only when its rule allows it *and* its
measured precision is at least :data:`SAFE_PRECISION`.

>>> CONTRACTION = reading("RK000.example")
>>> rows = parse_table([HEADER, "RK000.example\\t0.97\\t0.99\\t812\\tbenchmarks.calibration\\t2026-12-02"])
>>> s = suggest(Span(2, 2), "'", CONTRACTION, "contraction", ceiling=Applicability.SAFE, rows=rows)
>>> s.confidence, s.applicability.name, s.reading
(0.97, 'SAFE', 'RK000.example')
>>> suggest(Span(2, 2), "'", CONTRACTION, "contraction", rows={}).applicability.name  # no row: manual
'MANUAL'
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from repairkit.model import HIGH_CONFIDENCE, MEDIUM_CONFIDENCE, Applicability, Evidence, Span, Suggestion

#: First line of the table; the loader refuses any other format.
HEADER = "# repairkit calibration, format 1"
COLUMNS = ("reading", "confidence", "precision", "sample", "benchmark", "date")
#: A reading may be applied without review only if it was measured at least this precise.
SAFE_PRECISION = 0.98
#: Score bands of a scored reading (``RK205.context@90`` holds scores in [0.90, 0.95)).
BANDS = (0.95, 0.90, 0.80, 0.70, 0.50, 0.0)

_DECLARED: dict[str, bool] = {}


@dataclass(frozen=True, slots=True)
class Row:
    """One measured reading."""

    reading: str
    confidence: float
    precision: float
    sample: int
    benchmark: str
    date: datetime.date


def reading(name: str, *, scored: bool = False) -> str:
    """Declare a reading id (at import, next to the rule that proposes it) and return it.

    A ``scored`` reading is calibrated per score band (:func:`banded`).

    >>> reading("RK000.example") in declared()
    True
    """
    if "." not in name or "@" in name or "\t" in name:
        raise ValueError(f"bad reading id {name!r}: use CODE.what, e.g. RK201.contraction")
    _DECLARED[name] = scored
    return name


def declared() -> dict[str, bool]:
    """Every reading declared so far (import the detectors first), with whether it is scored."""
    return dict(_DECLARED)


def row_ids(name: str, scored: bool) -> list[str]:
    """The table rows a reading needs: itself, or one per band.

    >>> row_ids("RK205.context", True)[:2]
    ['RK205.context@95', 'RK205.context@90']
    """
    return [banded(name, band) for band in BANDS] if scored else [name]


def banded(name: str, score: float) -> str:
    """The row id of a scored reading with ``score`` in [0, 1].

    >>> banded("RK205.context", 0.93), banded("RK205.context", 0.2)
    ('RK205.context@90', 'RK205.context@00')
    """
    band = next(b for b in BANDS if score >= b - 1e-9)
    return f"{name}@{round(band * 100):02d}"


def wilson_lower(right: int, sample: int, z: float = 1.96) -> float:
    """Lower end of the Wilson score interval of ``right / sample`` (0 for no sample).

    >>> wilson_lower(0, 0), round(wilson_lower(10, 10), 3), round(wilson_lower(990, 1000), 3)
    (0.0, 0.722, 0.982)
    """
    if sample <= 0:
        return 0.0
    p = right / sample
    centre = p + z * z / (2 * sample)
    margin = z * math.sqrt(p * (1 - p) / sample + z * z / (4 * sample * sample))
    return max(0.0, (centre - margin) / (1 + z * z / sample))


def parse_table(lines: Iterable[str]) -> dict[str, Row]:
    """The rows of a calibration table; ``ValueError`` naming the first bad line.

    >>> parse_table(["bad"])
    Traceback (most recent call last):
    ValueError: calibration.tsv: unknown format header
    """
    lines = list(lines)
    if not lines or lines[0] != HEADER:
        raise ValueError("calibration.tsv: unknown format header")
    rows: dict[str, Row] = {}
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        try:
            name, confidence, precision, sample, benchmark, date = line.split("\t")
            row = Row(name, float(confidence), float(precision), int(sample), benchmark,
                      datetime.date.fromisoformat(date))
        except ValueError:
            raise ValueError(f"calibration.tsv:{number}: expected {len(COLUMNS)} tab-separated cells "
                             f"({', '.join(COLUMNS)})") from None
        if not (0.0 <= row.confidence <= 1.0 and 0.0 <= row.precision <= 1.0 and row.sample >= 0) \
                or row.confidence > row.precision or name in rows:
            raise ValueError(f"calibration.tsv:{number}: bad row {line!r}")
        rows[name] = row
    return rows


@cache
def table() -> Mapping[str, Row]:
    """The shipped table, read once."""
    text = resources.files("repairkit").joinpath("data", "calibration.tsv").read_text("utf-8")
    return parse_table(text.splitlines())


def applicability(confidence: float, alternatives: int, contested: bool,
                  ceiling: Applicability = Applicability.SAFE) -> Applicability:
    """Who may apply a suggestion of ``confidence`` with ``alternatives`` other values at medium or above.

    * a contested place (the references disagree) or a confidence below medium: ``manual``;
    * another candidate value for the same place: ``manual`` (an editor chooses);
    * high confidence: ``safe`` unless the source caps it (``ceiling``);
    * otherwise ``unsafe``.

    >>> applicability(0.95, 0, False).name, applicability(0.95, 0, False, Applicability.UNSAFE).name
    ('SAFE', 'UNSAFE')
    >>> applicability(0.7, 0, False).name, applicability(0.7, 1, False).name, applicability(0.4, 0, False).name
    ('UNSAFE', 'MANUAL', 'MANUAL')
    """
    if contested or alternatives > 0 or confidence < MEDIUM_CONFIDENCE:
        return Applicability.MANUAL
    if confidence >= HIGH_CONFIDENCE:
        return min(Applicability.SAFE, ceiling)
    return min(Applicability.UNSAFE, ceiling)


def suggest(span: Span, replacement: str, name: str, note: str, *, score: float | None = None,
            ceiling: Applicability = Applicability.UNSAFE, alternatives: int = 0,
            evidence: tuple[Evidence, ...] = (), rows: Mapping[str, Row] | None = None) -> Suggestion:
    """A suggestion of reading ``name`` with its measured confidence and the policy's applicability.

    ``ceiling`` is the most the rule allows (``safe`` only for a repair that is deterministic
    when the reading is right); ``score`` picks the band of a scored reading; a reading with no
    row (not yet measured) gets confidence 0 and stays manual.
    """
    row_id = name if score is None else banded(name, score)
    row = (table() if rows is None else rows).get(row_id)
    if row is None:
        return Suggestion(span, replacement, 0.0, Applicability.MANUAL, note, evidence, reading=row_id)
    if row.precision < SAFE_PRECISION:
        ceiling = min(ceiling, Applicability.UNSAFE)
    return Suggestion(span, replacement, row.confidence, applicability(row.confidence, alternatives, False, ceiling),
                      note, evidence, reading=row.reading)
