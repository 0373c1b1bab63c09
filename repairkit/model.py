"""Findings, suggestions and evidence: frozen records shared by every part of repairkit.

>>> s = Suggestion(Span(5, 5), "'", 0.95, Applicability.SAFE, "possessive of a proper noun")
>>> s.level, s.is_insertion
('high', True)
>>> Suggestion(Span(0, 2), None, 0.0, Applicability.MANUAL, "year missing").level
'low'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from types import MappingProxyType
from typing import Any

#: The fixed category vocabulary of the JSON contract.
CATEGORIES: tuple[str, ...] = (
    "missing-number",
    "missing-apostrophe",
    "missing-hyphen",
    "missing-space",
    "missing-symbol",
    "missing-quote",
    "missing-bracket",
    "stray-punctuation",
    "lost-structure",
    "encoding",
    "boilerplate",
    "template-leak",
    "whitespace",
    "style",
)

HIGH_CONFIDENCE = 0.9
MEDIUM_CONFIDENCE = 0.6


class Severity(IntEnum):
    """How much a finding matters; ordered so that ``>=`` compares."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Lower-case name used in reports and configuration."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """``"warning"`` -> ``Severity.WARNING``; raises ``ValueError`` on anything else."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


class Applicability(IntEnum):
    """Who may apply a suggestion: ordered ``MANUAL < UNSAFE < SAFE`` (after ruff)."""

    MANUAL = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        """Lower-case name used in reports."""
        return self.name.lower()

    def applies(self, threshold: Applicability) -> bool:
        """True when a suggestion of this applicability may be applied at ``threshold``."""
        return self >= threshold and self is not Applicability.MANUAL


class Level(str, Enum):
    """Confidence level derived from a confidence value."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def level_of(confidence: float) -> str:
    """``high`` >= 0.9, ``medium`` >= 0.6, else ``low``.

    >>> level_of(0.9), level_of(0.6), level_of(0.59)
    ('high', 'medium', 'low')
    """
    if confidence >= HIGH_CONFIDENCE:
        return Level.HIGH.value
    if confidence >= MEDIUM_CONFIDENCE:
        return Level.MEDIUM.value
    return Level.LOW.value


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """``[start, end)`` in code points of the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the spans share a character (or both are the same insertion point)."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value comes from: a reference (path, span, quoted text) or a rule."""

    source: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed edit; ``replacement is None`` means the value is unknown and it only explains."""

    span: Span
    replacement: str | None
    confidence: float
    applicability: Applicability
    note: str
    evidence: tuple[Evidence, ...] = ()
    #: What produced it: "rule", "reference-aligned", "reference-fact", ...
    origin: str = "rule"
    #: The calibrated reading whose measured precision gave ``confidence`` (``data/calibration.tsv``).
    reading: str = ""

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        if self.replacement is None and self.applicability is not Applicability.MANUAL:
            raise ValueError("a suggestion without a replacement can only be manual")
        if self.applicability is Applicability.SAFE and self.confidence < HIGH_CONFIDENCE:
            raise ValueError("only high-confidence suggestions may be safe")

    @classmethod
    def unknown(cls, span: Span, note: str, evidence: tuple[Evidence, ...] = ()) -> Suggestion:
        """A place whose value is unknown: an editor must supply it (manual, no confidence).

        >>> Suggestion.unknown(Span(3, 3), "year missing").applicability.name
        'MANUAL'
        """
        return cls(span, None, 0.0, Applicability.MANUAL, note, evidence)

    @property
    def level(self) -> str:
        """``high`` / ``medium`` / ``low``."""
        return level_of(self.confidence)

    @property
    def is_insertion(self) -> bool:
        """True for a zero-width span."""
        return self.span.start == self.span.end


@dataclass(frozen=True, slots=True)
class Hit:
    """What a detector reports: a span, a message and first suggestions; the registry adds the rule."""

    span: Span
    message: str
    suggestions: tuple[Suggestion, ...] = ()
    #: Facts for later stages, e.g. ``{"expects": "year"}`` for a missing number.
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Finding:
    """A damaged place in a document, found by one rule."""

    code: str
    rule: str
    category: str
    severity: Severity
    span: Span
    message: str
    suggestions: tuple[Suggestion, ...] = ()
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def best(self) -> Suggestion | None:
        """The first (best) suggestion, if any."""
        return self.suggestions[0] if self.suggestions else None

    @property
    def unresolved(self) -> bool:
        """True when no suggestion carries a value."""
        return all(s.replacement is None for s in self.suggestions)

    @property
    def competing(self) -> bool:
        """True when two or more different values are offered and none of them is safe (an editor chooses)."""
        valued = [s for s in self.suggestions if s.replacement is not None]
        return len({s.replacement for s in valued}) > 1 and \
            not any(s.applicability is Applicability.SAFE for s in valued)
