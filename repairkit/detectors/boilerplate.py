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

from repairkit.analysis.furniture import (
    PLACEHOLDER_RE,
    VALUE_WORD_RE,
    furniture_lines,
    markup_leaks,
    may_hold_placeholders,
)
from repairkit.analysis.profile import DocumentProfile
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The reading RK901 proposes (measured in data/calibration.tsv).
DELETE_FURNITURE = reading("RK901.delete-furniture")
#: The reading RK902 proposes for markup (a placeholder's value is unknown: no reading).
DELETE_MARKUP = reading("RK902.delete-markup")


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
    judged = furniture_lines(text) if profile.boilerplate else []
    for start, end in profile.boilerplate:
        listed = [(text[a:b].strip(), why) for a, b, why in judged if start <= a < end]
        first = listed[0][0] if listed else text[start:end].strip().splitlines()[0].strip()
        what = f"'{_short(first)}'" + (f" and {len(listed) - 1} more line(s)" if len(listed) > 1 else "")
        reasons = sorted({why for _, why in listed})
        yield Hit(Span(start, end), f"page furniture: {what} ({'; '.join(reasons)})",
                  (suggest(_deletion_span(text, start, end), "", DELETE_FURNITURE,
                           "delete page furniture (navigation, captions, share bars, banners, "
                           "comment forms); it is not part of the article"),),
                  {"lines": [line for line, _ in listed], "reasons": [why for _, why in listed]})


def find_template_leaks(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Template and markup leaks: unfilled placeholders ("%s", "{{ title }}") and markup an
    extractor passed through as text (shortcodes, template tags, HTML tags and attributes).

    What it flags: printf placeholders (``%s``, ``%(user)s``), format fields (``{name}``,
    ``{{ title }}``, ``${var}``), ``[object Object]``, ``NaN``, ``undefined``/``null`` where a
    value belongs (after a colon or alone on a line); shortcodes with attributes or a closing
    tag (``[caption id="5"]``, ``[/caption]``, ``[embed]…[/embed]``, ``[vc_row]``), template
    tags (``{% if user %}``, ``{# … #}``, ``<%= x %>``), HTML tags (``<p>``, ``<img src="x">``)
    and attributes (``class="wp-image-5"``).
    Why it matters: a placeholder stands where a value should be shown; markup is not text
    and pollutes word counts, search and every rule that reads quotes or brackets.
    Example: ``Posted by {author}`` -> finding on ``{author}``.
    Repair safety: a placeholder's lost value is unknown, so its suggestion only explains
    (manual); markup can go, and its suggestion deletes it, unsafe (an article about HTML
    quotes its tags on purpose); the text between two shortcodes stays. A placeholder inside page furniture is reported
    too ("Connecting to %s" under a comment form): deleting the block deletes it.
    ``undefined`` in prose ("an undefined term") and an editor's "[applause]" are never flagged.

    >>> doc = Document.from_text("Posted by {author} on %s; Score: undefined")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_template_leaks(*prepared(doc, "RK902"))]
    ['{author}', '%s', 'undefined']
    >>> doc = Document.from_text('[button link=”https://x.org” newwindow=”yes”]Read it[/button]')
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_template_leaks(*prepared(doc, "RK902"))]
    [('[button link=”https://x.org” newwindow=”yes”]', ''), ('[/button]', '')]
    """
    text = doc.text
    found = [(m.start(), m.end(), m.group(), False)
             for m in (PLACEHOLDER_RE.finditer(text) if may_hold_placeholders(text) else ())]
    found += [(m.start(1), m.end(1), m.group(1), False) for m in VALUE_WORD_RE.finditer(text)]
    found += [(a, b, text[a:b], True) for a, b in markup_leaks(text)]
    taken = 0
    for start, end, leak, markup in sorted(found, key=lambda f: (f[0], -f[1])):
        if start < taken:
            continue
        taken = end
        if markup:
            yield Hit(Span(start, end), f"markup '{_short(leak)}' leaked into the text",
                      (suggest(Span(start, end), "", DELETE_MARKUP,
                               "delete the markup (a shortcode, template tag or HTML) the extractor left"),),
                      {"leak": "markup"})
            continue
        yield Hit(Span(start, end), f"template placeholder '{leak}' leaked into the text",
                  (Suggestion.unknown(Span(start, end),
                                      f"The page template did not fill '{leak}'; the value is unknown: "
                                      "take it from the source page, or delete the placeholder."),),
                  {"leak": "placeholder"})


def _short(text: str, width: int = 50) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[:width - 1] + "…"


BOILERPLATE = DetectorSpec("RK901", "page-boilerplate", "boilerplate", Severity.WARNING,
                           find_boilerplate, FixAvailability.ALWAYS)
TEMPLATE_LEAK = DetectorSpec("RK902", "template-placeholder", "template-leak", Severity.ERROR,
                             find_template_leaks, FixAvailability.SOMETIMES)

DETECTORS = (BOILERPLATE, TEMPLATE_LEAK)
