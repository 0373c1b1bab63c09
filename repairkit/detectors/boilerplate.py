"""Boilerplate and template leaks: page furniture and unfilled placeholders (RK9xx).

Scrapers keep whatever the page showed around the article: comment forms, share bars,
log-in prompts, cookie notices, "Read more" links. The phrases are general web furniture,
shipped as ``repairkit/data/boilerplate_phrases.txt``. A line is boilerplate only when the
whole line is such a phrase (or starts with a prefix entry), so real sentences are never
deleted. Placeholders a template engine failed to fill ("Connecting to %s", "{{ title }}")
are template leaks.

>>> doc = Document.from_text("A real sentence.\\n\\nShare this:\\nLike Loading...\\n")
>>> [doc.text[h.span.start:h.span.end] for h in find_boilerplate(doc)]
['Share this:\\nLike Loading...']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit.analysis.blocks import lines
from repairkit.document import Document
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.page_furniture import is_boilerplate_line
from repairkit.registry import DetectorSpec, FixAvailability

#: Placeholders left by template engines and scripts; each pattern is unambiguous in prose.
_PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}"            # {{ title }}  (Jinja, Mustache, Handlebars)
    r"|\$\{[A-Za-z_][\w.]*\}"                   # ${var}       (JavaScript, shell)
    r"|\{[a-z_][a-z0-9_]*(?:\.\w+)*\}"          # {name}       (str.format)
    r"|%\([A-Za-z_]\w*\)[sdif]"                 # %(user)s     (printf with names)
    r"|(?<![\w%])%[sd](?![\w%])"                # %s, %d       (printf)
    r"|\[object Object\]"                        # a JavaScript object printed as text
    r"|(?<![\w.])NaN(?![\w.])"                   # a JavaScript number that failed
)
#: ``undefined``/``null`` are English words; only where a value belongs (after a label or
#: alone on a line) are they leaks.
_VALUE_WORD_RE = re.compile(r"(?:(?<=:\s)|(?<=:)|(?<=\|\s)|^)(undefined|null)\s*$", re.MULTILINE)


def _is_leak_line(line: str) -> bool:
    """A short line that is little more than a leaked placeholder ("Connecting to %s")."""
    stripped = line.strip()
    return 0 < len(stripped) <= 60 and bool(_PLACEHOLDER_RE.search(stripped) or _VALUE_WORD_RE.search(stripped))


def boilerplate_blocks(doc: Document) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of boilerplate lines (blank lines between them allowed)."""
    def compute() -> list[tuple[int, int]]:
        text = doc.text
        blocks: list[list[int]] = []
        pending_leaks: list[tuple[int, int]] = []
        for start, end in lines(text):
            line = text[start:end]
            if is_boilerplate_line(line):
                if blocks and blocks[-1][2]:  # still open: extend over blank and leak lines
                    blocks[-1][1] = end
                else:
                    blocks.append([start, end, 1])
                pending_leaks.clear()
            elif not line.strip():
                continue
            elif _is_leak_line(line) and blocks and blocks[-1][2]:
                blocks[-1][1] = end  # "Connecting to %s" after a comment form goes with it
            else:
                if blocks:
                    blocks[-1][2] = 0
        return [(b[0], b[1]) for b in blocks]

    return doc.memo("boilerplate.blocks", compute)


def in_boilerplate(doc: Document, offset: int) -> bool:
    """True when ``offset`` lies in a boilerplate block (other families leave those alone).

    >>> doc = Document.from_text("Text (open.\\n\\nYou are commenting using your account. Log Out /  Change )")
    >>> in_boilerplate(doc, 5), in_boilerplate(doc, len(doc.text) - 1)
    (False, True)
    """
    return any(start <= offset < end for start, end in boilerplate_blocks(doc))


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


def find_boilerplate(doc: Document) -> Iterator[Hit]:
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
    >>> s = next(find_boilerplate(doc)).suggestions[0]
    >>> s.replacement, doc.text[s.span.start:s.span.end]
    ('', '\\n\\nLeave a Reply')
    """
    text = doc.text
    for start, end in boilerplate_blocks(doc):
        first = text[start:end].strip().splitlines()[0].strip()
        count = sum(1 for line in text[start:end].splitlines() if line.strip())
        what = f"'{first}'" + (f" and {count - 1} more line(s)" if count > 1 else "")
        yield Hit(Span(start, end), f"page boilerplate: {what}",
                  (Suggestion(_deletion_span(text, start, end), "", 0.8, Applicability.UNSAFE,
                              "delete page furniture (comment form, share bar, navigation); "
                              "it is not part of the article"),))


def find_template_leaks(doc: Document) -> Iterator[Hit]:
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
    >>> [doc.text[h.span.start:h.span.end] for h in find_template_leaks(doc)]
    ['{author}', '%s', 'undefined']
    """
    text = doc.text
    blocks = boilerplate_blocks(doc)
    found = [(m.start(), m.end(), m.group()) for m in _PLACEHOLDER_RE.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in _VALUE_WORD_RE.finditer(text)]
    for start, end, leak in sorted(found):
        if any(b0 <= start < b1 for b0, b1 in blocks):
            continue
        yield Hit(Span(start, end), f"template placeholder '{leak}' leaked into the text",
                  (Suggestion(Span(start, end), None, 0.0, Applicability.MANUAL,
                              f"The page template did not fill '{leak}'; the value is unknown: "
                              "take it from the source page, or delete the placeholder."),))


BOILERPLATE = DetectorSpec("RK901", "page-boilerplate", "boilerplate", Severity.WARNING,
                           find_boilerplate, FixAvailability.ALWAYS)
TEMPLATE_LEAK = DetectorSpec("RK902", "template-placeholder", "template-leak", Severity.ERROR,
                             find_template_leaks, FixAvailability.NEVER)

DETECTORS = (BOILERPLATE, TEMPLATE_LEAK)
