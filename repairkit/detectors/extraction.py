"""Extraction notes: what an HTML extractor did to a whole document (RK76x, info).

An extractor can cut the body short, take the comments instead of the article, or return
several articles of a listing page as one. None of these is a place to repair; each is a note
about the document, so a reader knows what the text is before trusting it.

>>> doc = Document.from_text("Talks resume\\n\\nThe talks resumed on Monday and the two sides said they would")
>>> from repairkit.registry import prepared
>>> [h.message for h in find_cut_short(*prepared(doc, "RK761"))]
['the text ends mid-sentence: the extractor may have cut the body short']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: A body that ends like this was cut: a run of four stops ("discipline...."), or a last
#: line of prose without its closing stop.
_CUT_END_RE = re.compile(r"(?:\.{4,}|…\.+|\.\.\.\s*(?:more|read more)?)\s*$", re.IGNORECASE)
_END_STOP = tuple(".!?\"”’')]*:;")
#: The last paragraph must be at least this many words to be read as cut prose.
CUT_WORDS = 8
#: Lines of a comment thread: "Jane says:", "3 hours ago", "Reply", "@jane".
_COMMENT_LINE_RE = re.compile(
    r"^\s*(?:\S+(?: \S+){0,3} (?:says|said|wrote|commented):\s*$"
    r"|(?:\d+|an?|one) (?:minutes?|hours?|days?|weeks?|months?|years?) ago\b.{0,40}$"
    r"|(?:reply|report|like|flag)(?: \(\d+\))?\s*$"
    r"|@\w{2,}\b)", re.IGNORECASE | re.MULTILINE)
#: Comment lines in a document before it reads as a comment thread.
COMMENT_LINES = 3
#: A by-line standing on its own line; two or more apart mean several articles.
_BYLINE_LINE_RE = re.compile(r"^(?:By|BY) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*$", re.MULTILINE)


def find_cut_short(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A body that ends mid-sentence or with a cut mark: the extractor may have lost its end.

    What it flags: the last paragraph of a text when it ends with a run of four stops
    ("discipline....") or is prose (at least eight words) ending without a closing stop.
    Why it matters: the rest of the article is missing; figures and quotes may be cut.
    Example: ``… and the two sides said they would`` at the end -> a note on the paragraph.
    Repair safety: manual: the missing text is on the source page.
    A last line that is page furniture is not read as the body's end.

    >>> doc = Document.from_text("Title\\n\\nHe may receive further discipline....")
    >>> from repairkit.registry import prepared
    >>> len(list(find_cut_short(*prepared(doc, "RK761"))))
    1
    """
    text = doc.text
    body = [p for p in profile.paragraphs if not profile.in_boilerplate(p[0])]
    if len(body) < 2:
        return
    start, end = body[-1]
    last = text[start:end].strip()
    cut = _CUT_END_RE.search(last) is not None
    if not cut and (len(last.split()) < CUT_WORDS or last.endswith(_END_STOP)):
        return
    yield Hit(Span(start, end), "the text ends mid-sentence: the extractor may have cut the body short",
              (Suggestion.unknown(Span(end, end),
                                  "Compare with the source page; the end of the article may be missing."),))


def find_comment_text(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Text that reads as a comment thread: "Jane says:", "3 hours ago", "Reply" lines.

    What it flags: a document with at least three lines shaped like a comment thread's
    (a name and "says:", a time "ago", a lone "Reply", an @handle).
    Why it matters: the extractor may have taken the comments instead of (or with) the article.
    Example: two comments with "says:" and "Reply" -> one note on the first such line.
    Repair safety: manual: only the source page tells where the article is.

    >>> doc = Document.from_text("Jane says:\\nGreat piece.\\nReply\\nTom says:\\nI disagree.\\nReply\\n")
    >>> from repairkit.registry import prepared
    >>> [h.data["lines"] for h in find_comment_text(*prepared(doc, "RK762"))]
    [4]
    """
    found = list(_COMMENT_LINE_RE.finditer(doc.text))
    if len(found) < COMMENT_LINES:
        return
    first = found[0]
    yield Hit(Span(first.start(), first.end()),
              f"{len(found)} lines read as a comment thread: the extractor may have taken the comments",
              (Suggestion.unknown(Span(first.start(), first.start()),
                                  "Check that the text is the article, not (only) its comments."),),
              {"lines": len(found)})


def find_several_articles(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Several articles in one text: two or more by-lines on their own lines, far apart.

    What it flags: the second and later by-lines ("By Jane Roe" alone on a line) when prose
    stands between them.
    Why it matters: a listing page or an infinite scroll was extracted as one article.
    Example: ``By Jane Roe`` … three paragraphs … ``By Tom Lee`` -> a note on the second.
    Repair safety: manual: split the text at the notes if the articles are unrelated.

    >>> text = "One\\nBy Jane Roe\\n" + "The first story is long enough. " * 10 + "\\nTwo\\nBy Tom Lee\\nMore."
    >>> from repairkit.registry import prepared
    >>> doc = Document.from_text(text)
    >>> [doc.text[h.span.start:h.span.end] for h in find_several_articles(*prepared(doc, "RK763"))]
    ['By Tom Lee']
    """
    text = doc.text
    found = list(_BYLINE_LINE_RE.finditer(text))
    for before, m in zip(found, found[1:]):
        between = text[before.end():m.start()]
        if len(between.split()) < 40:
            continue
        yield Hit(Span(m.start(), m.end()), "another by-line: the text may hold more than one article",
                  (Suggestion.unknown(Span(m.start(), m.start()),
                                      "Split the text here if a second article begins."),))


CUT_SHORT = DetectorSpec("RK761", "cut-short", "lost-structure", Severity.INFO, find_cut_short, FixAvailability.NEVER)
COMMENT_TEXT = DetectorSpec("RK762", "comment-text", "boilerplate", Severity.INFO, find_comment_text,
                            FixAvailability.NEVER)
SEVERAL_ARTICLES = DetectorSpec("RK763", "several-articles", "lost-structure", Severity.INFO,
                                find_several_articles, FixAvailability.NEVER)

DETECTORS = (CUT_SHORT, COMMENT_TEXT, SEVERAL_ARTICLES)
