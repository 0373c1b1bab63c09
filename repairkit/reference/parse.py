"""Reference articles -> :class:`Article`: typed blocks with offsets into the original text.

A reference is split into lines and blank-line separated chunks; each piece gets a kind
(title, byline, date, heading, paragraph, attribution, boilerplate, template) and, inside a
numbered list of stories, the number of its item. Offsets always point into the original.

>>> art = parse_text("A title\\n\\n1First story\\n\\nIt began.\\n\\nLeave a Reply\\n\\nConnecting to %s")
>>> [(b.kind, b.text, b.item) for b in art.blocks]
[('title', 'A title', None), ('heading', 'First story', 1), ('paragraph', 'It began.', 1), ('boilerplate', 'Leave a Reply', None), ('template', 'Connecting to %s', None)]
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from repairkit.document import InputError, decode_bytes, read_input
from repairkit.page_furniture import is_boilerplate_line
from repairkit.reference.dates import parse_date_line
from repairkit.reference.facts import extract_facts
from repairkit.reference.model import Article, Block
from repairkit.reference.serialize import article_from_json
from repairkit.reference.terms import index_terms

#: Lines that open a comment/share section: the short lines after them are boilerplate too.
SECTION_OPENERS = re.compile(r"^(?:leave a (?:reply|comment)|share this:?|\d*\s*comments?:?|related(?: posts)?:?)$",
                             re.IGNORECASE)
#: Unfilled template placeholders: printf, str.format/Jinja/Mustache, shell-style, leaked JS objects.
TEMPLATE_RE = re.compile(r"%(?:\([a-z_]+\))?[sdif]\b|\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[^}]*\}|\{[0-9]?\}"
                         r"|\[object Object\]")
#: "Expert View | Name, role at Org", "Source | Agency", and a dash-led "— Jane Roe, analyst at Org".
#: Neither form ends like a sentence, so prose with a stray "|" stays a paragraph.
ATTRIBUTION_RE = re.compile(r"^(?:[^|\n]{1,40}\s\|\s\S.{2,250}|(?:—|–|--|―)\s*[A-Z][^\n]{2,150})(?<![.!?])$")
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|da|del|bin))*"
#: "By Jane Doe", "By JANE DOE, Staff reporter", "Author: Jane Doe | Agency" (not "By early 2005 the ...").
BYLINE_RE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporter:?|[Aa]uthor:?)\s+" + _NAME + r"\s*(?:[,|].*)?$")
#: A short all-capitals line in the header, e.g. "JANE DOE | DAILY NEWS".
CAPS_BYLINE_RE = re.compile(r"^[A-Z][A-Z .'’&|,-]{2,60}$")
#: "3. Heading", "3) Heading", "10 Heading", and the glued "1The Heading" of scraped lists.
ITEM_RE = re.compile(r"^(?P<num>\d{1,3})(?:[.)]\s*|\s+|(?=[A-Z]))(?P<rest>[A-Z“\"'‘(].*)$")
MD_HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<rest>.*?)\s*#*$")
#: A heading or title has at most this many words.
MAX_HEADING_WORDS = 20
#: A line of at most this many characters may be a header line (title, date, by-line) on its own;
#: a longer one followed by a capitalised line is taken as hard-wrapped prose.
MAX_HEADER_LINE_CHARS = 60
#: Lines after a comment-section opener with at most this many words are boilerplate.
MAX_TAIL_WORDS = 25
_LINE_RE = re.compile(r"[^\n]+")
#: The largest reference article read (bytes): a long report is a few hundred KB; past this a
#: file is not one article (split it, or give a JSONL library), and parsing and aligning it
#: would take minutes.
MAX_REFERENCE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of the text to classify: one line, or several lines of one paragraph."""

    start: int
    end: int
    text: str


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it has no leading or trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(previous: str, line: str, markdown: bool) -> bool:
    """True when ``line`` goes on the paragraph of ``previous`` (a hard-wrapped paragraph).

    Header lines (title, date, by-line) are short and each starts a new piece; a wrapped
    line follows a long one or starts in lower case. In Markdown, lines of a chunk always
    form one paragraph. Special lines (headings, dates, boilerplate, ...) always stand alone.
    """
    if _is_special(previous) or _is_special(line):
        return False
    return markdown or not line[:1].isupper() or len(previous) > MAX_HEADER_LINE_CHARS


def _pieces(text: str, markdown: bool = False) -> list[_Piece]:
    """Blank-line separated chunks, split further where a line does not continue the one before."""
    pieces: list[_Piece] = []
    for chunk in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        lines = [_strip_span(text, m.start() + chunk.start(), m.end() + chunk.start())
                 for m in _LINE_RE.finditer(chunk.group())]
        groups: list[list[tuple[int, int]]] = []
        for s, e in lines:
            if e <= s:
                continue
            if groups and _continues(text[groups[-1][-1][0]:groups[-1][-1][1]], text[s:e], markdown):
                groups[-1].append((s, e))
            else:
                groups.append([(s, e)])
        for group in groups:
            s, e = group[0][0], group[-1][1]
            pieces.append(_Piece(s, e, text[s:e]))
    return pieces


def _is_special(line: str) -> bool:
    """Lines that always stand alone: boilerplate, template leaks, attributions, headings, dates."""
    return bool(is_boilerplate_line(line) or ATTRIBUTION_RE.match(line) or MD_HEADING_RE.match(line)
                or BYLINE_RE.match(line) or parse_date_line(line.strip("*_ "))
                or (TEMPLATE_RE.search(line) and len(line.split()) <= 12))


class _Classifier:
    """Walks the pieces in order, keeping the state that kinds depend on."""

    def __init__(self, text: str, markdown: bool) -> None:
        self.text = text
        self.markdown = markdown
        self.blocks: list[Block] = []
        self.item: int | None = None
        self.last_item = 0
        self.in_tail = False
        self.title: str | None = None
        self.date: datetime.date | None = None
        self.seen_body = False

    def add(self, kind: str, start: int, end: int, item: int | None = None) -> None:
        start, end = _strip_span(self.text, start, end)
        self.blocks.append(Block(kind, start, end, self.text[start:end], item))

    def feed(self, p: _Piece) -> None:
        line, words = p.text, len(p.text.split())
        if self._boilerplate(line, words):
            self.add("boilerplate", p.start, p.end)
        elif TEMPLATE_RE.search(line) and words <= 12:
            self.add("template", p.start, p.end)
        elif self.markdown and (m := MD_HEADING_RE.match(line)):
            self._heading(p, m.start("rest"), m.group("rest"), is_title=len(m.group("marks")) == 1)
        elif self.title is None and words <= MAX_HEADING_WORDS and not self.seen_body:
            self.title = line
            self.add("title", p.start, p.end)
        elif not self.seen_body and (date := parse_date_line(line.strip("*_ "))):
            self.date = self.date or date
            self.add("date", p.start, p.end)
        elif not self.seen_body and words <= 12 and (BYLINE_RE.match(line) or CAPS_BYLINE_RE.match(line)):
            self.add("byline", p.start, p.end)
        elif ATTRIBUTION_RE.match(line):
            self.add("attribution", p.start, p.end, self.item)
        elif words <= MAX_HEADING_WORDS and (m := ITEM_RE.match(line)) and self._next_item(int(m.group("num"))):
            self.item = self.last_item = int(m.group("num"))
            self.add("heading", p.start + m.start("rest"), p.end, self.item)
        else:
            self.seen_body = True
            self.add("paragraph", p.start, p.end, self.item)

    def _heading(self, p: _Piece, rest_at: int, rest: str, is_title: bool) -> None:
        if is_title and self.title is None:
            self.title = rest.strip("*_ ")
            self.add("title", p.start + rest_at, p.end)
            return
        m = ITEM_RE.match(rest)
        if m and self._next_item(int(m.group("num"))):
            self.item = self.last_item = int(m.group("num"))
            self.add("heading", p.start + rest_at + m.start("rest"), p.end, self.item)
        else:
            self.add("heading", p.start + rest_at, p.end, self.item)

    def _next_item(self, number: int) -> bool:
        """Numbered items must count up one by one from 1, so "2021 was ..." is no item."""
        return number == self.last_item + 1

    def _boilerplate(self, line: str, words: int) -> bool:
        if SECTION_OPENERS.match(line):
            self.in_tail = True
            self.item = None
            return True
        if is_boilerplate_line(line):
            return True
        return self.in_tail and words <= MAX_TAIL_WORDS and not TEMPLATE_RE.search(line)


def parse_text(text: str, path: str = "<text>", sha256: str | None = None, markdown: bool = False) -> Article:
    """Parse plain text (or Markdown with ``markdown=True``) into an :class:`Article` with facts and terms."""
    if not text.strip():
        raise InputError(f"{path}: the reference is empty (or only whitespace); give the article the text "
                         "was taken from")
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    clf = _Classifier(text, markdown)
    for piece in _pieces(text, markdown):
        clf.feed(piece)
    art = Article(path=path, text=text, sha256=digest, title=clf.title, date=clf.date, blocks=clf.blocks)
    art.facts = extract_facts(art)
    art.terms = index_terms(art)
    return art


def parse_markdown(text: str, path: str = "<text>", sha256: str | None = None) -> Article:
    """Parse Markdown: ``# Title``, ``## 3. Heading``; see :func:`parse_text`."""
    return parse_text(text, path, sha256, markdown=True)


def check_reference_size(source: str | os.PathLike[str], size: int) -> None:
    """:class:`InputError` for a reference of ``size`` bytes past :data:`MAX_REFERENCE_BYTES`.

    >>> check_reference_size("big.txt", 100 * 1024 * 1024)
    Traceback (most recent call last):
    ...
    repairkit.document.InputError: big.txt: 100.0 MB is too large for one reference article (at most 10 MB); split it, or give a JSONL library of articles
    """
    if size > MAX_REFERENCE_BYTES:
        raise InputError(f"{source}: {size / 2**20:.1f} MB is too large for one reference article (at most "
                         f"{MAX_REFERENCE_BYTES // 2**20} MB); split it, or give a JSONL library of articles")


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read a reference file (.txt, .md, .json) and parse it; every failure is an :class:`InputError`."""
    p = Path(path)
    data = read_input(p, "use --reference-dir for a directory of references", "reference file")
    if p.suffix.lower() != ".jsonl":
        check_reference_size(p, len(data))
    text = decode_bytes(data, str(p)).text
    suffix = p.suffix.lower()
    if suffix == ".json":
        return article_from_json(text, str(path))
    if suffix == ".jsonl":
        raise InputError(f"{p}: a JSONL file is a library of references; give it to `scan --reference`")
    digest = hashlib.sha256(data).hexdigest()
    if suffix in (".md", ".markdown"):
        return parse_markdown(text, str(path), digest)
    return parse_text(text, str(path), digest)


def load_reference(path: str | os.PathLike[str]) -> Article:
    """Read and parse a reference file (.txt, .md, or .json in the ``repairkit parse`` form).

    Raises :class:`repairkit.document.InputError` for unreadable or malformed input.
    """
    return read_article(path)
