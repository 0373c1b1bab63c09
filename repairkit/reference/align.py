"""Align a damaged text with a reference: which reference passage says the same thing where.

Both sides are compared in a damage-tolerant *key* form (letters only, case folded), so
stripped digits, apostrophes, hyphens, quotes, symbols, brackets and lost spaces do not
disturb the search. Each reference passage is located in the damaged text with rapidfuzz
(``partial_ratio_alignment``); a passage that scores below :data:`PASSAGE_THRESHOLD` is
split into sentences and each sentence is tried on its own, so a related story aligns
only where it really overlaps. Inside an accepted window the two ORIGINAL texts are then
aligned character by character (``Indel.opcodes``), and every difference becomes a
:class:`Diff` in code-point offsets of both originals.

>>> ref = "The year 2021 marked the 30th anniversary of the well-known talks."
>>> doc = "The year  marked the th anniversary of the well known talks."
>>> seg = align(doc, ref, [(0, len(ref))])[0]
>>> [(doc[d.start:d.end], ref[d.ref_start:d.ref_end]) for d in seg.diffs]
[('', '2021'), ('', '30'), (' ', '-')]
>>> all(d.restorable for d in seg.diffs)
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from repairkit.document import OffsetMap

#: Characters the damage strips, by the category of what was lost.
LOST_CLASSES: dict[str, str] = {
    "missing-apostrophe": "'’`",
    "missing-hyphen": "-‐‑–—",
    "missing-quote": "\"“”„‘«»",
    "missing-symbol": "$%@/&£€¥#+",
    "missing-bracket": "()[]{}",
}
_RESTORABLE = frozenset("".join(LOST_CLASSES.values()))

#: Minimum key similarity (0-100) for a whole passage to count as the same text.
PASSAGE_THRESHOLD = 90.0
#: Minimum key similarity for a single sentence of a passage that failed as a whole.
SENTENCE_THRESHOLD = 92.0
#: Passages with fewer key letters than this are too short to locate (titles are short).
MIN_PASSAGE_LETTERS = 16
#: Sentences (of a passage that failed as a whole) need this many key letters.
MIN_SENTENCE_LETTERS = 24

_SENTENCE_RE = re.compile(r"\S.*?(?:[.!?][\"”’)]*(?=\s)|\Z)", re.S)


def restorable(ch: str, extra: frozenset[str] = frozenset()) -> bool:
    """True for a character the damage removes: digit, whitespace, a lost-class mark or one of ``extra``.

    ``extra`` holds what this document has lost besides (:func:`repairkit.repair.aligned.lost_marks`).

    >>> restorable("7"), restorable("’"), restorable("a"), restorable(":"), restorable(":", frozenset(":"))
    (True, True, False, False, True)
    """
    return ch.isdigit() or ch.isspace() or ch in _RESTORABLE or ch in extra


def key_view(text: str, start: int = 0, end: int | None = None) -> OffsetMap:
    """The damage-tolerant key of ``text[start:end]``: letters only, case folded.

    A run of letters that lower-cases letter for letter is one piece of the map (the same
    offsets as a piece per letter, a Python step per word instead of one per character);
    any other run (a digit-like letter, "İ" that lower-cases to two characters, a final
    sigma) is mapped letter by letter.

    >>> m = key_view("It's 24th-rate!")
    >>> m.view, m.to_original(3)
    ('itsthrate', 7)
    """
    stop = len(text) if end is None else end
    pieces: list[tuple[int, int] | tuple[int, int, str]] = []
    gap = start
    for m in _LETTER_RUN_RE.finditer(text, start, stop):
        a, b = m.span()
        run = m.group()
        low = run.lower()
        if len(low) == b - a and "Σ" not in run and run.isalpha():
            if gap < a:
                pieces.append((gap, a, ""))
            pieces.append((a, b, low))
            gap = b
            continue
        for i in range(a, b):
            ch = text[i]
            if ch.isalpha():
                if gap < i:
                    pieces.append((gap, i, ""))
                pieces.append((i, i + 1, ch.lower()))
                gap = i + 1
    if gap < stop:
        pieces.append((gap, stop, ""))
    if start:
        pieces.insert(0, (0, start, ""))
    if stop < len(text):
        pieces.append((stop, len(text), ""))
    return OffsetMap.build(text, pieces)


def key_text(text: str, start: int = 0, end: int | None = None) -> str:
    """``key_view(text, start, end).view`` without the offset map (the reference passages and
    sentences are only compared, never mapped back: building their maps was half the cost of
    aligning a long reference).

    >>> key_text("It's 24th-rate!"), key_text("ΟΔΟΣ and İ", 0, 4)
    ('itsthrate', 'οδοσ')
    """
    stop = len(text) if end is None else end
    parts = []
    for m in _LETTER_RUN_RE.finditer(text, start, stop):
        run = m.group()
        low = run.lower()
        if len(low) == len(run) and "Σ" not in run and run.isalpha():
            parts.append(low)
        else:
            parts.extend(ch.lower() for ch in run if ch.isalpha())
    return "".join(parts)


#: Runs of word characters that are no digit or underscore: every letter (``str.isalpha``) is
#: in one (and a few numeric characters such as "²", which :func:`key_view` checks letter by letter).
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Diff:
    """One difference inside an aligned window: ``doc[start:end]`` vs ``ref[ref_start:ref_end]``."""

    start: int
    end: int
    ref_start: int
    ref_end: int
    #: True when the damaged side is only whitespace and the reference side only restorable
    #: characters: putting the reference's characters back changes no intact token.
    restorable: bool


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the damaged text aligned with a stretch of the reference."""

    start: int
    end: int
    ref_start: int
    ref_end: int
    #: Index of the reference passage it comes from.
    passage: int
    #: Key similarity, 0-100.
    score: float
    #: True when the segment covers its whole passage (not one of its sentences).
    whole: bool
    #: True when another place in the damaged text matched the same passage about as well.
    ambiguous: bool
    diffs: tuple[Diff, ...]

    def ref_offset(self, pos: int, side: str = "left") -> int:
        """Reference offset of damaged-text offset ``pos``; ``side`` picks the edge of a difference.

        ``left`` returns the start of any reference text inserted at ``pos``; ``right`` its end.
        """
        shift = self.ref_start - self.start
        for d in self.diffs:
            if d.end < pos:
                shift = d.ref_end - d.end
                continue
            if d.start > pos:
                break
            if d.start < pos < d.end or d.start == d.end:
                return d.ref_start if side == "left" else d.ref_end
            return d.ref_start if pos == d.start else d.ref_end
        return pos + shift


def _diffs(doc: str, ref: str, d0: int, r0: int, extra: frozenset[str] = frozenset()) -> list[Diff]:
    """Character-level differences of two aligned originals, offsets shifted by ``d0``/``r0``."""
    out: list[Diff] = []
    pending: list[int] | None = None
    for op in Indel.opcodes(doc, ref):
        if op.tag == "equal":
            if pending:
                out.append(_diff(doc, ref, d0, r0, extra, *pending))
                pending = None
            continue
        if pending is None:
            pending = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            pending[1], pending[3] = op.src_end, op.dest_end
    if pending:
        out.append(_diff(doc, ref, d0, r0, extra, *pending))
    return out


def _diff(doc: str, ref: str, d0: int, r0: int, extra: frozenset[str], s: int, e: int, rs: int, re_: int) -> Diff:
    ok = all(c.isspace() for c in doc[s:e]) and all(restorable(c, extra) for c in ref[rs:re_])
    return Diff(s + d0, e + d0, rs + r0, re_ + r0, ok)


def _locate(doc_key: str, key: str, cutoff: float) -> tuple[float, int, int, bool]:
    """Best window of ``key`` in ``doc_key``: (score, key start, key end, ambiguous)."""
    first = doc_key.find(key)
    if first >= 0:
        return 100.0, first, first + len(key), doc_key.find(key, first + 1) >= 0
    res = fuzz.partial_ratio_alignment(key, doc_key, score_cutoff=cutoff)
    if res is None:
        return 0.0, 0, 0, False
    # A second, equally good window elsewhere makes the match ambiguous.
    rest = doc_key[:res.dest_start] + "\0" + doc_key[res.dest_end:]
    again = fuzz.partial_ratio_alignment(key, rest, score_cutoff=max(cutoff, res.score - 2))
    return res.score, res.dest_start, res.dest_end, again is not None


def _loose(d: Diff) -> bool:
    """An edge difference that is not a restoration: other text, or doc whitespace only."""
    return not d.restorable or d.ref_start == d.ref_end


def _segment(doc: str, ref: str, doc_map: OffsetMap, hit: tuple[float, int, int, bool],
             rs: int, re_: int, passage: int, whole: bool, extra: frozenset[str]) -> Segment | None:
    score, ks, ke, ambiguous = hit
    ds = doc_map.to_original(ks)
    de = doc_map.to_original(ke - 1) + 1 if ke > ks else ds
    # Trim the reference stretch to its letters' span, then widen both sides over the
    # restorable characters around them (digits, marks) that the key ignored.
    while rs < re_ and not ref[rs].isalpha():
        rs += 1
    while re_ > rs and not ref[re_ - 1].isalpha():
        re_ -= 1
    ref_lo, ref_hi = rs, re_
    while ref_lo > 0 and ref[ref_lo - 1] != "\n" and not ref[ref_lo - 1].isalpha():
        ref_lo -= 1
    while ref_hi < len(ref) and ref[ref_hi] != "\n" and not ref[ref_hi].isalpha():
        ref_hi += 1
    while ref_lo < rs and ref[ref_lo].isspace():
        ref_lo += 1
    while ref_hi > re_ and ref[ref_hi - 1].isspace():
        ref_hi -= 1
    # The damaged side widens over marks but never over whitespace: a space there may be
    # a merged paragraph break, which belongs between segments, not inside one.
    while ds > 0 and not doc[ds - 1].isspace() and not doc[ds - 1].isalpha():
        ds -= 1
    while de < len(doc) and not doc[de].isspace() and not doc[de].isalpha():
        de += 1
    # ...except one space where the reference has a word of marks there ("up 24%" vs "up  Next").
    if ds > 0 and doc[ds - 1] in " \t" and any(c.isspace() for c in ref[ref_lo:rs]):
        ds -= 1
        # and over the marks before that space, as on the right ("- call" vs "- call": no "--").
        while ds > 0 and not doc[ds - 1].isspace() and not doc[ds - 1].isalpha():
            ds -= 1
    if de < len(doc) and doc[de] in " \t" and any(c.isspace() for c in ref[re_:ref_hi]):
        de += 1
        while de < len(doc) and not doc[de].isspace() and not doc[de].isalpha():
            de += 1
    if de <= ds:
        return None
    diffs = _diffs(doc[ds:de], ref[ref_lo:ref_hi], ds, ref_lo, extra)
    # The widened edges may hold text of the neighbouring passage: drop edge differences
    # that are not restorations, and narrow the segment past them.
    while diffs and (diffs[0].start == ds or diffs[0].ref_start == ref_lo) and _loose(diffs[0]):
        d = diffs.pop(0)
        ds, ref_lo = d.end, d.ref_end
    while diffs and (diffs[-1].end == de or diffs[-1].ref_end == ref_hi) and _loose(diffs[-1]):
        d = diffs.pop()
        de, ref_hi = d.start, d.ref_start
    return Segment(ds, de, ref_lo, ref_hi, passage, score, whole, ambiguous, tuple(diffs))


def align(doc: str, ref: str, passages: Sequence[tuple[int, int]],
          extra: frozenset[str] = frozenset()) -> list[Segment]:
    """Segments of ``doc`` aligned with the reference ``passages`` (``[start, end)`` in ``ref``).

    ``extra``: characters besides the lost classes that count as restorable in this document.

    Returns non-overlapping segments sorted by position in ``doc``; passages (or their
    sentences) that match nowhere well enough are left out.
    """
    doc_map = key_view(doc)
    doc_key = doc_map.view
    found: list[Segment] = []
    for index, (start, end) in enumerate(passages):
        key = key_text(ref, start, end)
        if len(key) < MIN_PASSAGE_LETTERS:
            continue
        hit = _locate(doc_key, key, PASSAGE_THRESHOLD)
        if hit[0] >= PASSAGE_THRESHOLD:
            seg = _segment(doc, ref, doc_map, hit, start, end, index, True, extra)
            if seg:
                found.append(seg)
            continue
        for m in _SENTENCE_RE.finditer(ref, start, end):
            s_key = key_text(ref, m.start(), m.end())
            if len(s_key) < MIN_SENTENCE_LETTERS:
                continue
            hit = _locate(doc_key, s_key, SENTENCE_THRESHOLD)
            if hit[0] >= SENTENCE_THRESHOLD:
                seg = _segment(doc, ref, doc_map, hit, m.start(), m.end(), index, False, extra)
                if seg:
                    found.append(seg)
    return _disjoint(doc, found)


def _disjoint(doc: str, segments: list[Segment]) -> list[Segment]:
    """Keep the best segments that do not share letters in the damaged text; mark contested ones."""
    kept: list[Segment] = []
    for seg in sorted(segments, key=lambda s: (-s.score, -(s.end - s.start))):
        clash = [k for k in kept if any(c.isalpha() for c in doc[max(k.start, seg.start):min(k.end, seg.end)])]
        if not clash:
            kept.append(seg)
        elif any(k.score - seg.score < 2 and k.whole == seg.whole for k in clash):
            kept = [k if k not in clash else _contested(k) for k in kept]
    return sorted(kept, key=lambda s: s.start)


def _contested(seg: Segment) -> Segment:
    return Segment(seg.start, seg.end, seg.ref_start, seg.ref_end, seg.passage, seg.score, seg.whole,
                   True, seg.diffs)
