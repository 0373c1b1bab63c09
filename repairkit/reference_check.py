"""A reference that gives no evidence for a document: said once in the report.

A wrong ``--reference`` (another story, another language) used to pass in silence: the scan
ran as if there were none. When no passage of a reference aligns with the document and no
suggestion takes anything from it (a value, a spelling), the document gets a notice naming it.

>>> from repairkit.reference.parse import parse_text
>>> ref = parse_text("Weather\\n\\nRain is expected across the north on Sunday, with strong winds.", "w.txt")
>>> unrelated_notices("The council agreed the budget for next year on Monday evening.", [], [ref])
['nothing in the reference w.txt aligns with this document or gave a value for it: is it the right reference?']
"""

from __future__ import annotations

from collections.abc import Sequence

from repairkit.model import Finding
from repairkit.reference.model import Article
from repairkit.repair.aligned import segments_for


def unrelated_notices(text: str, findings: Sequence[Finding], references: Sequence[Article]) -> list[str]:
    """One notice per reference that no passage of ``text`` aligns with and no suggestion cites."""
    cited = {e.source for f in findings for s in f.suggestions for e in s.evidence}
    return [f"nothing in the reference {ref.path} aligns with this document or gave a value for it: "
            "is it the right reference?" for ref in references
            if ref.path not in cited and not segments_for(text, ref)]
