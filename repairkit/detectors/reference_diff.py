"""Reference-diff rules (RK0xx): damage that only a reference comparison shows.

These rules need ``--reference``: on their own they find nothing. When a reference passage
aligns with the text, :func:`repairkit.repair.build.enrich` reports every restorable
difference no other detector flagged under the rule for the category of what was lost
(digits, apostrophe, hyphen, quote, symbol, bracket, paragraph break, space, and any
mark or letter outside ASCII of which the text has none at all), with the
reference's exact characters as the suggestion and the reference span as evidence.

>>> [s.code for s in DETECTORS][:3]
['RK001', 'RK002', 'RK003']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import Hit, Severity
from repairkit.spec import DetectorSpec, FixAvailability


def _reference_only(lost: str, example: str) -> Callable[[Document, DocumentProfile], Iterator[Hit]]:
    def run(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
        yield from ()

    run.__doc__ = f"""The aligned reference has {lost} that this text lacks (needs --reference).

    What it flags: a stretch where a same-story reference passage holds {lost} and the
    damaged text has nothing (or only whitespace) in its place, and no other rule fired.
    Why it matters: the scraper stripped it; the reference shows exactly what was there.
    Example: {example}
    Repair safety: the suggestion copies the reference's characters; it is safe only when
    the passage aligns exactly and unambiguously, otherwise unsafe or manual.
    Trade-off: nothing is flagged without a reference; a reworded passage flags nothing.

    >>> doc = Document.from_text("Any text at all.")
    >>> list(run(doc, DocumentProfile(doc)))
    []
    """
    return run


_RULES = (
    ("RK001", "reference-digits-lost", "missing-number", "digits", "'the th summit' vs 'the 24th summit'"),
    ("RK002", "reference-apostrophe-lost", "missing-apostrophe", "an apostrophe",
     "'the firms plan' vs \"the firm's plan\""),
    ("RK003", "reference-hyphen-lost", "missing-hyphen", "a hyphen", "'well known' vs 'well-known'"),
    ("RK004", "reference-quote-lost", "missing-quote", "a quotation mark", "'said Yes' vs 'said \"Yes\"'"),
    ("RK005", "reference-symbol-lost", "missing-symbol", "a symbol ($ % @ / &)", "'AT T' vs 'AT&T'"),
    ("RK006", "reference-bracket-lost", "missing-bracket", "a bracket", "'the WHO agency' vs 'the (WHO) agency'"),
    ("RK007", "reference-paragraph-lost", "lost-structure", "a paragraph break", "'end. Next' vs 'end.\\n\\nNext'"),
    ("RK008", "reference-space-lost", "missing-space", "a space", "'twowords' vs 'two words'"),
    ("RK009", "reference-punctuation-lost", "stray-punctuation", "a mark this text has nowhere (: ; ? ! … –)",
     "'said We will' vs 'said: \"We will'"),
    ("RK010", "reference-letter-lost", "encoding", "a letter outside ASCII (the text has none)",
     "'So Paulo' vs 'São Paulo'"),
)

DETECTORS = tuple(
    DetectorSpec(code, name, category, Severity.WARNING, _reference_only(lost, example), FixAvailability.SOMETIMES)
    for code, name, category, lost, example in _RULES
)
