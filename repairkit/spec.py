"""The rule contract: a rule's identity, defaults, what it reads and the function that finds its hits.

Families import only this module (and :mod:`repairkit.analysis`, :mod:`repairkit.model`), never
another family: what a rule needs from another stage it reads from the profile.

>>> spec = DetectorSpec("RK999", "demo-rule", "style", Severity.INFO, lambda doc, profile: ())
>>> spec.title, spec.reads
('demo-rule', ())
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import CATEGORIES, Hit, Severity

CODE_RE = re.compile(r"^RK\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


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
    run: Callable[[Document, DocumentProfile], Iterable[Hit]]
    fix: FixAvailability = FixAvailability.SOMETIMES
    summary: str = ""
    #: The rules whose findings this one reads from the profile's evidence (codes, code
    #: prefixes or categories, as ``--select`` takes them). They run in an earlier phase.
    reads: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not CODE_RE.match(self.code):
            raise ValueError(f"{self.code}: codes are RK + 3 digits")
        if not NAME_RE.match(self.name):
            raise ValueError(f"{self.name}: names are kebab-case")
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {self.category!r}")
        if isinstance(self.reads, str) or not all(isinstance(r, str) and r for r in self.reads):
            raise ValueError(f"{self.code}: reads takes a tuple of codes, prefixes or categories")

    @property
    def doc(self) -> str:
        """The rule's documentation: the docstring of its ``run`` function."""
        return inspect.cleandoc(self.run.__doc__ or "")

    @property
    def title(self) -> str:
        """One line describing what the rule flags."""
        line = self.summary or (self.doc.splitlines()[0] if self.doc else self.name)
        return line.replace("``", "")  # reStructuredText literals read badly in a terminal
