"""RK705's space is safe only where the junction cannot be a name: the calibration measured it at 0.99."""

from __future__ import annotations

import pytest

import repairkit
from repairkit.model import Applicability


@pytest.mark.parametrize(("text", "junction", "applicability"), [
    ("He left on Monday night.The council met later that week.", "night.The", Applicability.SAFE),
    ("He left on Monday night.However, the council met later.", "night.However", Applicability.SAFE),
    ("The worm is called Bagle.BB by the experts who found it.", "Bagle.BB", Applicability.UNSAFE),
    ("Firms such as TalkTalk and One.Tel, which route calls, agreed.", "One.Tel", Applicability.UNSAFE),
])
def test_the_space_is_safe_unless_the_junction_may_be_a_name(text: str, junction: str,
                                                             applicability: Applicability) -> None:
    (finding,) = repairkit.scan_text(text, select=["RK705"]).findings
    assert text[finding.span.start:finding.span.end] == junction
    assert finding.best.replacement == " " and finding.best.applicability is applicability
