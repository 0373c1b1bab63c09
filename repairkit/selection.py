"""What ``--select`` / ``--ignore`` keep: applied to every finding, the references' ones too.

Rules pick what the detectors report, but enrichment with references adds findings of its
own (the RK0xx reference-diff rules: a hyphen, a quote, a number the reference has). Those
are filtered by the same selection after enrichment, so a CI policy or a house-style opt-out
(``--ignore missing-hyphen``) holds whatever produced a finding, and ``fix`` never applies
what was left out.

>>> from repairkit.model import Finding, Severity, Span
>>> from repairkit.registry import select
>>> hyphen = Finding("RK003", "reference-hyphen", "missing-hyphen", Severity.WARNING, Span(0, 1), "m")
>>> number = Finding("RK001", "reference-number", "missing-number", Severity.ERROR, Span(2, 3), "m")
>>> [f.code for f in selected_only([hyphen, number], select(None, ["missing-hyphen"]))]
['RK001']
"""

from __future__ import annotations

from collections.abc import Sequence

from repairkit.model import Finding
from repairkit.registry import DetectorSpec


def selected_only(findings: Sequence[Finding], rules: Sequence[DetectorSpec]) -> list[Finding]:
    """The findings whose rule is one of ``rules`` (the run's selection)."""
    codes = {spec.code for spec in rules}
    return [f for f in findings if f.code in codes]
