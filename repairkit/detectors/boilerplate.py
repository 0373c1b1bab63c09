"""Boilerplate and template leaks: page furniture and unfilled placeholders (RK9xx).

Scrapers keep whatever the page showed around the article: comment forms, share bars,
log-in prompts, cookie notices, "Read more" links. The phrases are general web furniture,
shipped as ``repairkit/data/boilerplate_phrases.txt``. A line is boilerplate only when the
whole line is such a phrase (or starts with a prefix entry), so real sentences are never
deleted. Placeholders a template engine failed to fill ("Connecting to %s", "{{ title }}")
are template leaks.

>>> doc = Document.from_text("A real sentence.\\n\\nShare this:\\nLike Loading...\\n")
>>> from repairkit.registry import prepared
>>> [doc.text[h.span.start:h.span.end] for h in find_boilerplate(*prepared(doc, "RK901"))]
['Share this:\\nLike Loading...']
"""

from __future__ import annotations

from collections.abc import Iterator

from repairkit.analysis.furniture import PLACEHOLDER_RE, VALUE_WORD_RE
from repairkit.analysis.profile import DocumentProfile
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The reading RK901 proposes (measured in data/calibration.tsv).
DELETE_FURNITURE = reading("RK901.delete-furniture")


def _deletion_span(text: str, start: int, end: int) -> Span:
    """The block plus the blank lines that separate it, so deleting leaves one paragraph break."""
    after = end
    while after < len(text) and text[after] in " \t\r\n":
        after += 1
    if after < len(text):
        return Span(start, after)
    before = start
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    return Span(before, end)


def find_boilerplate(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Lines of page furniture: comment forms, share buttons, log-in prompts, cookie notices.

    What it flags: a run of lines each of which is a known boilerplate phrase as a whole
    ("Leave a Reply", "Share this:", "Like Loading...") or starts with a known prefix
    ("You are commenting using your ... account"), with blank lines and short placeholder
    lines between them.
    Why it matters: the furniture is not part of the article and pollutes word counts,
    search and any comparison with the reference.
    Example: ``Share this:`` on its own line -> one finding covering the line.
    Repair safety: the suggestion deletes the whole block (and the blank lines that
    separate it) and is unsafe: an editor should glance at it. Only whole lines match, so
    a sentence that merely contains "read more" is never touched; the trade-off is that
    furniture glued into a prose line is missed.

    >>> doc = Document.from_text("Body text.\\n\\nLeave a Reply\\n")
    >>> from repairkit.registry import prepared
    >>> s = next(find_boilerplate(*prepared(doc, "RK901"))).suggestions[0]
    >>> s.replacement, doc.text[s.span.start:s.span.end]
    ('', '\\n\\nLeave a Reply')
    """
    text = doc.text
    for start, end in profile.boilerplate:
        first = text[start:end].strip().splitlines()[0].strip()
        count = sum(1 for line in text[start:end].splitlines() if line.strip())
        what = f"'{first}'" + (f" and {count - 1} more line(s)" if count > 1 else "")
        yield Hit(Span(start, end), f"page boilerplate: {what}",
                  (suggest(_deletion_span(text, start, end), "", DELETE_FURNITURE,
                           "delete page furniture (comment form, share bar, navigation); "
                              "it is not part of the article"),))


def find_template_leaks(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Placeholders a template engine left unfilled: "%s", "{name}", "{{ title }}", "NaN".

    What it flags: printf placeholders (``%s``, ``%(user)s``), format fields (``{name}``,
    ``{{ title }}``, ``${var}``), ``[object Object]``, ``NaN``, and ``undefined``/``null``
    where a value belongs (after a colon or alone on a line).
    Why it matters: the value that should have been shown is missing; the page template
    leaked into the text.
    Example: ``Posted by {author}`` -> finding on ``{author}``.
    Repair safety: the lost value is unknown, so the suggestion only explains (manual).
    Placeholders inside a boilerplate block are left to the boilerplate rule, which
    deletes the block. ``undefined`` in prose ("an undefined term") is never flagged.

    >>> doc = Document.from_text("Posted by {author} on %s; Score: undefined")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_template_leaks(*prepared(doc, "RK902"))]
    ['{author}', '%s', 'undefined']
    """
    text = doc.text
    blocks = profile.boilerplate
    found = [(m.start(), m.end(), m.group()) for m in PLACEHOLDER_RE.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in VALUE_WORD_RE.finditer(text)]
    for start, end, leak in sorted(found):
        if any(b0 <= start < b1 for b0, b1 in blocks):
            continue
        yield Hit(Span(start, end), f"template placeholder '{leak}' leaked into the text",
                  (Suggestion.unknown(Span(start, end),
                                      f"The page template did not fill '{leak}'; the value is unknown: "
                              "take it from the source page, or delete the placeholder."),))


BOILERPLATE = DetectorSpec("RK901", "page-boilerplate", "boilerplate", Severity.WARNING,
                           find_boilerplate, FixAvailability.ALWAYS)
TEMPLATE_LEAK = DetectorSpec("RK902", "template-placeholder", "template-leak", Severity.ERROR,
                             find_template_leaks, FixAvailability.NEVER)

DETECTORS = (BOILERPLATE, TEMPLATE_LEAK)
