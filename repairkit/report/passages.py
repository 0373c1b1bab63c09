"""The reference beside the text: a damaged passage and the reference passage aligned with it,
their differences marked (difflib), so an editor can judge a suggestion without the reference.

A passage is a window of the document around the suggestion and the stretch of the reference
that lines up with it (found by difflib's matching blocks around the evidence). When the two do
not line up (the evidence is a term seen elsewhere in the reference, not this passage), only the
reference's context is given, with the quoted evidence marked.

>>> doc = "Trade grew by  percent, a yearonyear rise, officials said."
>>> ref = "In 2021 trade grew by 12 percent, a year-on-year rise, officials said on Monday."
>>> p = passage(doc, doc.index(" percent"), doc.index(" percent"), ref, ref.index("12"), ref.index("12") + 2)
>>> p.aligned, "".join(t for t, changed in p.reference if changed)
(True, 't12--')
>>> "".join(t for t, _ in p.text) == doc
True
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

#: Characters of context on each side of the damaged place.
CONTEXT = 70
#: Below this similarity (difflib ratio) the passages are not the same sentence.
MIN_RATIO = 0.6

#: Shortest common stretch that anchors the reference window.
MIN_ANCHOR = 4

Piece = tuple[str, bool]  # (text, differs from the other side)


@dataclass(frozen=True, slots=True)
class Passage:
    """Two sides as pieces of text, each flagged when it differs from the other side."""

    text: tuple[Piece, ...]
    reference: tuple[Piece, ...]
    aligned: bool
    ratio: float
    #: The damaged place (the suggestion's span) within the text side.
    focus: tuple[int, int] = (0, 0)

    def text_marked(self) -> tuple[tuple[str, bool, bool], ...]:
        """The text side as (text, differs, at the damaged place); an insertion point is an empty
        piece at the place.

        >>> Passage((("ab", False), ("c", True)), (), True, 1.0, (1, 1)).text_marked()
        (('a', False, False), ('', False, True), ('b', False, False), ('c', True, False))
        """
        start, end = self.focus
        out: list[tuple[str, bool, bool]] = []
        pos = 0
        for text, changed in self.text:
            cuts = sorted({0, len(text), *(c - pos for c in (start, end) if pos < c < pos + len(text))})
            for a, b in zip(cuts, cuts[1:], strict=False):
                if start == end == pos + a and not any(here for _, _, here in out):
                    out.append(("", False, True))
                out.append((text[a:b], changed, start <= pos + a and pos + b <= end and start < end))
            pos += len(text)
        if start == end == pos and not any(here for _, _, here in out):
            out.append(("", False, True))
        return tuple(out)


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` (clamped to the text) to whole words."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _word_start(text: str, at: int) -> int:
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _merge(pieces: list[Piece]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for text, changed in pieces:
        if not text:
            continue
        if out and out[-1][1] == changed:
            out[-1] = (out[-1][0] + text, changed)
        else:
            out.append((text, changed))
    return tuple(out)


def diff_pieces(a: str, b: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...], float]:
    """Both sides of a character diff (difflib), and their similarity ratio.

    >>> diff_pieces("Chinas trade", "China's trade")[1]
    (('China', False), ("'", True), ('s trade', False))
    """
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[Piece] = []
    right: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left.append((a[i1:i2], op != "equal"))
        right.append((b[j1:j2], op != "equal"))
    return _merge(left), _merge(right), matcher.ratio()


def passage(text: str, start: int, end: int, ref: str, ref_start: int, ref_end: int,
            context: int = CONTEXT) -> Passage:
    """The passage of ``text`` around ``[start, end)`` beside the reference around ``[ref_start, ref_end)``."""
    a0, a1 = _snap(text, start - context, end + context)
    # A generous reference window, then cut to the stretch that lines up with the text.
    b0, b1 = _snap(ref, ref_start - 2 * context, ref_end + 2 * context)
    a, b = text[a0:a1], ref[b0:b1]
    # Short matches at the edges are chance (a full stop far away), not the passage.
    blocks = [m for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
              if m.size >= MIN_ANCHOR]
    if blocks:
        first, last = blocks[0], blocks[-1]
        c0, c1 = b0 + _word_start(b, first.b), b0 + _word_end(b, last.b + last.size)
        if c0 <= ref_start and ref_end <= c1:
            left, right, ratio = diff_pieces(a, ref[c0:c1])
            if ratio >= MIN_RATIO:
                return Passage(left, right, True, round(ratio, 2), (start - a0, end - a0))
    # Not the same passage: the reference context with the evidence marked.
    r0, r1 = _snap(ref, ref_start - context, ref_end + context)
    right_only = _merge([(ref[r0:ref_start], False), (ref[ref_start:ref_end], True), (ref[ref_end:r1], False)])
    return Passage(((a, False),), right_only, False, 0.0, (start - a0, end - a0))


__all__ = ["CONTEXT", "MIN_RATIO", "Passage", "diff_pieces", "passage"]
