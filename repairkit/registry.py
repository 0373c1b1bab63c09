"""The rule registry: every detector rule, its stable code, name, category and severity.

Each family module in :mod:`repairkit.detectors` ends with a ``DETECTORS`` tuple; this
module joins them. Codes are ``RK`` + 3 digits; the hundreds digit is the family.

>>> spec = get("RK101")
>>> spec.name, spec.category
('orphan-ordinal', 'missing-number')
>>> [s.code for s in select(["RK1"], ["RK102"])][:2]
['RK101', 'RK103']
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

from repairkit.document import Document
from repairkit.model import CATEGORIES, Finding, Hit, Severity

CODE_RE = re.compile(r"^RK\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: The families, by the hundreds digit of their codes.
FAMILIES: dict[str, str] = {
    "0": "reference comparison",
    "1": "missing numbers",
    "2": "dropped apostrophes",
    "3": "dropped hyphens",
    "4": "glued words",
    "5": "missing symbols",
    "6": "punctuation, brackets and quotes",
    "7": "structure and readability",
    "8": "encoding and whitespace",
    "9": "boilerplate and template leaks",
}


class FixAvailability(str, Enum):
    """Whether a rule's findings come with a value to apply."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class DetectorSpec:
    """One rule: identity, defaults and the function that finds its hits."""

    code: str
    name: str
    category: str
    severity: Severity
    run: Callable[[Document], Iterable[Hit]]
    fix: FixAvailability = FixAvailability.SOMETIMES
    summary: str = ""

    def __post_init__(self) -> None:
        if not CODE_RE.match(self.code):
            raise ValueError(f"{self.code}: codes are RK + 3 digits")
        if not NAME_RE.match(self.name):
            raise ValueError(f"{self.name}: names are kebab-case")
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {self.category!r}")

    @property
    def doc(self) -> str:
        """The rule's documentation: the docstring of its ``run`` function."""
        return inspect.cleandoc(self.run.__doc__ or "")

    @property
    def title(self) -> str:
        """One line describing what the rule flags."""
        line = self.summary or (self.doc.splitlines()[0] if self.doc else self.name)
        return line.replace("``", "")  # reStructuredText literals read badly in a terminal

    def findings(self, doc: Document, severity: Severity | None = None) -> list[Finding]:
        """Run the rule on ``doc`` and wrap its hits as findings."""
        sev = severity or self.severity
        return [
            Finding(code=self.code, rule=self.name, category=self.category, severity=sev,
                    span=h.span, message=h.message, suggestions=h.suggestions, data=h.data)
            for h in hits_of(doc, self.run)
        ]


def hits_of(doc: Document, run: Callable[[Document], Iterable[Hit]]) -> tuple[Hit, ...]:
    """``run(doc)``, computed once per document: families that consult another family's hits
    (e.g. whether a doubled space is a vanished number) call this instead of ``run`` directly."""
    return doc.memo(f"hits:{run.__module__}.{run.__qualname__}", lambda: tuple(run(doc)))


@cache
def all_detectors() -> tuple[DetectorSpec, ...]:
    """Every registered rule, sorted by code; checks that codes and names are unique."""
    from repairkit.detectors import family_modules

    specs: list[DetectorSpec] = []
    for module in family_modules():
        specs.extend(module.DETECTORS)
    codes = [s.code for s in specs]
    names = [s.name for s in specs]
    for label, values in (("code", codes), ("name", names)):
        dupes = {v for v in values if values.count(v) > 1}
        if dupes:
            raise RuntimeError(f"duplicate rule {label}s: {sorted(dupes)}")
    return tuple(sorted(specs, key=lambda s: s.code))


def get(code_or_name: str) -> DetectorSpec:
    """Look a rule up by code (``RK101``) or name (``orphan-ordinal``); ``KeyError`` if absent."""
    key = code_or_name.strip()
    for spec in all_detectors():
        if key.upper() == spec.code or key.lower() == spec.name:
            return spec
    raise KeyError(code_or_name)


def _matches(spec: DetectorSpec, selector: str) -> bool:
    sel = selector.strip()
    if not sel:
        return False
    if sel.upper() == "ALL":
        return True
    return spec.code.startswith(sel.upper()) or spec.name == sel.lower() or spec.category == sel.lower()


def validate_selectors(selectors: Iterable[str]) -> None:
    """Raise ``ValueError`` naming a selector that matches no rule."""
    for sel in selectors:
        if not any(_matches(s, sel) for s in all_detectors()):
            raise ValueError(f"{sel!r} matches no rule (see `repairkit rules`)")


def select(include: Sequence[str] | None = None, exclude: Sequence[str] | None = None) -> list[DetectorSpec]:
    """Rules matching any of ``include`` (codes, code prefixes, names or categories) minus ``exclude``."""
    chosen = [s for s in all_detectors() if not include or any(_matches(s, i) for i in include)]
    return [s for s in chosen if not any(_matches(s, e) for e in (exclude or ()))]
