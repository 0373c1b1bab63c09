"""Markdown read as its prose: the detectors see paragraphs, headings, list items and table
cells, never code, URLs, front matter, HTML or the markup itself; findings map back to the
original text (code-point offsets, as everywhere).

The document is parsed with markdown-it-py (CommonMark, with tables and front matter). Each
inline run of prose is located in the source; the view is that prose, with blocks separated
by a blank line, inline code standing as the word "code" and a URL as "link" (so a sentence
keeps its shape: "Run `make test` now" reads "Run code now"), emphasis, link and image markup
dropped. A finding is mapped back through an :class:`~repairkit.document.OffsetMap`; one on a
stand-in word is dropped (it is about the stand-in), and a suggestion is kept only when its
span lies in one stretch of prose copied from the original, so a repair never touches markup.

>>> view = markdown_view(Document.from_text("# Title\\n\\nRun `make test` to see [the docs](https://x.org).\\n", "a.md"))
>>> view.document.text
'Title\\n\\nRun code to see the docs.'
>>> view.original_span(Span(7, 10))
Span(start=9, end=12)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from repairkit.document import Document, OffsetMap
from repairkit.model import Evidence, Finding, Span, Suggestion

#: File suffixes read as Markdown.
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Stand-in words for what is not prose.
CODE_WORD, LINK_WORD = "code", "link"
BLOCK_SEPARATOR = "\n\n"
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt  # parsing Markdown is markdown-it-py's job, not ours
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def is_markdown(path: str) -> bool:
    """True for a path with a Markdown suffix.

    >>> is_markdown("README.md"), is_markdown("notes.txt")
    (True, False)
    """
    return path.lower().endswith(MARKDOWN_SUFFIXES)


@dataclass(frozen=True)
class MarkdownView:
    """The prose of a Markdown document, and the way back to the original."""

    document: Document
    offsets: OffsetMap
    #: View spans copied verbatim from the original (sorted): where repairs may apply.
    verbatim: tuple[tuple[int, int], ...]
    #: View spans of stand-in words ("code", "link").
    stand_ins: tuple[tuple[int, int], ...]

    def original_span(self, span: Span) -> Span:
        """A view span on the original (a finding's span: it may cover markup inside it)."""
        start = self.offsets.to_original(span.start)
        end = start if span.end == span.start else self.offsets.to_original(span.end - 1) + 1
        return Span(start, max(start, end))

    def edit_span(self, span: Span) -> Span | None:
        """A repair's span on the original, or ``None`` unless it lies in one verbatim stretch."""
        i = bisect.bisect_right(self.verbatim, (span.start, float("inf"))) - 1
        for j in (i, i + 1):  # an insertion at a stretch's end belongs to it
            if 0 <= j < len(self.verbatim) and self.verbatim[j][0] <= span.start and span.end <= self.verbatim[j][1]:
                start = self.offsets.to_original(span.start) if span.start < self.verbatim[j][1] else \
                    self.offsets.to_original(span.start - 1) + 1
                return Span(start, start + len(span))
        return None

    def _on_stand_in(self, span: Span) -> bool:
        return any(s < span.end and span.start < e or s == span.start == span.end for s, e in self.stand_ins)

    def finding(self, f: Finding) -> Finding | None:
        """``f`` (found on the view) on the original; ``None`` when it is about a stand-in word."""
        if self._on_stand_in(f.span):
            return None
        kept: list[Suggestion] = []
        for s in f.suggestions:
            span = self.edit_span(s.span)
            if span is not None:
                kept.append(replace(s, span=span, evidence=tuple(self._evidence(e) for e in s.evidence)))
        return replace(f, span=self.original_span(f.span), suggestions=tuple(kept))

    def _evidence(self, e: Evidence) -> Evidence:
        if e.source != "document":
            return e
        span = self.original_span(Span(e.start, e.end))
        return replace(e, start=span.start, end=span.end)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _runs(content: str, piece: str, cursor: int) -> list[tuple[int, int]] | None:
    """Where the parsed text ``piece`` stands in the inline source ``content`` from ``cursor``:
    one run, or several when backslash escapes were taken out; ``None`` if it cannot be found."""
    at = content.find(piece, cursor)
    if at != -1:
        return [(at, at + len(piece))]
    runs: list[tuple[int, int]] = []
    pos = cursor
    for ch in piece:
        if pos < len(content) and content[pos] == "\\" and pos + 1 < len(content) and content[pos + 1] == ch:
            pos += 1
        if pos >= len(content) or content[pos] != ch:
            return None
        if runs and runs[-1][1] == pos:
            runs[-1] = (runs[-1][0], pos + 1)
        else:
            runs.append((pos, pos + 1))
        pos += 1
    return runs


def markdown_view(doc: Document) -> MarkdownView:
    """The prose view of a Markdown document (see the module docstring)."""
    text = doc.text
    starts = _line_starts(text)
    prose: list[tuple[int, int, str | None]] = []  # original start, end, stand-in (None: verbatim)
    line_cursor: dict[int, int] = {}
    for token in _parser().parse(text):
        if token.type != "inline" or not token.map:
            continue
        block = _inline_pieces(text, starts, token, line_cursor)
        if block:
            prose.append((-1, -1, BLOCK_SEPARATOR))  # a block boundary
            prose.extend(block)
    return _build(doc, prose)


def _inline_pieces(text: str, starts: list[int], token: Any, line_cursor: dict[int, int]
                   ) -> list[tuple[int, int, str | None]]:
    """The prose pieces of one inline token, as original spans (stand-ins carry their word)."""
    lines = token.content.split("\n")
    origin: list[int] = []  # original offset of each content line
    for k, line in enumerate(lines):
        number = token.map[0] + k
        if number >= len(starts):
            return []
        line_start = starts[number]
        line_end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        at = text.find(line, line_cursor.get(number, line_start), line_end) if line else -1
        if line and at == -1:
            return []
        origin.append(at if line else line_start)
        line_cursor[number] = (at + len(line)) if line else line_start  # table cells: left to right
    content_starts = [0]
    for line in lines[:-1]:
        content_starts.append(content_starts[-1] + len(line) + 1)

    def to_orig(pos: int) -> int:
        k = bisect.bisect_right(content_starts, pos) - 1
        return origin[k] + pos - content_starts[k]

    pieces: list[tuple[int, int, str | None]] = []
    cursor = 0
    depth = 0  # inside an image: its alt text is not prose
    for child in token.children or ():
        if child.type == "text" and not depth:
            runs = _runs(token.content, child.content, cursor)
            if runs is None:
                continue
            for start, end in runs:
                pieces.extend(_with_links(to_orig(start), token.content[start:end]))
            cursor = runs[-1][1]
        elif child.type == "code_inline":
            # a code span over a line break reads the break as a space
            pattern = r"[ \n]".join(re.escape(part) for part in child.content.split(" "))
            m = re.compile(pattern).search(token.content, cursor)
            if m is None:
                continue
            start, end = m.start(), m.end()
            while start > 0 and token.content[start - 1] == "`":
                start -= 1
            while end < len(token.content) and token.content[end] == "`":
                end += 1
            pieces.append((to_orig(start), to_orig(end - 1) + 1, CODE_WORD))
            cursor = end
        elif child.type in ("softbreak", "hardbreak"):
            at = token.content.find("\n", cursor)
            if at != -1:
                pieces.append((to_orig(at - 1) + 1 if at else to_orig(0), to_orig(at + 1), "\n"))
                cursor = at + 1
        elif child.type == "image":
            continue  # an image token carries its alt text as its own children
    return pieces


def _with_links(start: int, piece: str) -> list[tuple[int, int, str | None]]:
    """A verbatim piece with the URLs in it replaced by the stand-in word."""
    out: list[tuple[int, int, str | None]] = []
    pos = 0
    for m in _URL_RE.finditer(piece):
        if m.start() > pos:
            out.append((start + pos, start + m.start(), None))
        out.append((start + m.start(), start + m.end(), LINK_WORD))
        pos = m.end()
    if pos < len(piece):
        out.append((start + pos, start + len(piece), None))
    return out


def _build(doc: Document, prose: list[tuple[int, int, str | None]]) -> MarkdownView:
    """Cover the original in order: prose verbatim, stand-ins, and everything else left out."""
    pieces: list[tuple[int, int] | tuple[int, int, str]] = []
    verbatim: list[tuple[int, int]] = []
    stand_ins: list[tuple[int, int]] = []
    pos = 0  # original offset reached
    view_len = 0
    pending_separator = False
    for start, end, word in prose:
        if start < 0:
            pending_separator = bool(pieces)
            continue
        if start < pos:
            continue  # overlapping location (a repeated phrase found twice): keep the first
        gap = BLOCK_SEPARATOR if pending_separator else ""
        pending_separator = False
        pieces.append((pos, start, gap))
        view_len += len(gap)
        if word is None:
            pieces.append((start, end))
            verbatim.append((view_len, view_len + end - start))
            view_len += end - start
        else:
            pieces.append((start, end, word))
            if word.strip():
                stand_ins.append((view_len, view_len + len(word)))
            view_len += len(word)
        pos = end
    pieces.append((pos, len(doc.text), ""))
    offsets = OffsetMap.build(doc.text, pieces)
    return MarkdownView(Document.from_text(offsets.view, doc.path), offsets, tuple(verbatim), tuple(stand_ins))
