"""Mojibake as ftfy explains it: the stretches of a text that its encoding repairs would change.

Each line (a very long one piece by piece, around its non-ASCII characters) is fixed with only
ftfy's encoding repairs switched on (no quote uncurling, no width or ligature changes, no
normalisation), and the changed stretches are found with
rapidfuzz's Indel opcodes, so every span is an exact stretch of the original. Legitimate
non-ASCII text (accents, ``£``, curly quotes, emoji, CJK) is never changed by these fixes.
The encoding family reports the stretches; every other family leaves their characters alone.

>>> [(s.original, s.fixed, s.decoded) for s in mojibake_stretches("It costs Ã‚Â£5 at the cafÃ©.")]
[('Ã‚Â£', '£', True), ('Ã©', 'é', True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz.distance import Indel

from repairkit.analysis.blocks import lines
from repairkit.model import Span

#: ftfy with only its encoding repairs: everything that changes how text *looks* is off.
FTFY_OPTIONS: dict[str, Any] = dict(
    unescape_html="auto", remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=True, remove_control_chars=False, normalization=None, explain=True,
)
#: Changes closer than this (in characters) are reported as one finding.
MERGE_GAP = 1
_DECODE_STEPS = ("encode", "decode", "transcode")
#: ftfy fixers that re-decode mojibake inside a line; on simulated UTF-8-read-as-cp1252
#: damage of 300 news articles their fixes restored 1,727 of 1,727 tokens exactly.
_DECODE_FIXERS = ("decode_inconsistent_utf8",)
#: A line longer than this is fixed piece by piece, around what mojibake shows (:func:`_pieces`).
LONG_LINE = 10_000
#: Characters of context a piece keeps on each side of a non-ASCII character, before it ends at a space.
WINDOW_MARGIN = 64
_SHOWN_RE = re.compile(r"[^\x00-\x7f]|[&\x1b]")


@dataclass(frozen=True, slots=True)
class Stretch:
    """One stretch ftfy would change: where, what it reads, what ftfy makes of it, and why."""

    span: Span
    original: str
    fixed: str
    #: ftfy re-decoded the line (the piece of a long line) and its badness heuristic scores the fix lower than the original
    decoded: bool
    #: ftfy's explanation, "step fixer, ..."
    steps: str


def _extendable(ch: str) -> bool:
    """Characters that belong with a neighbouring change: the rest of a mojibake run or entity."""
    return not ch.isascii() or ch in "&#;"


def _opcodes(before: str, after: str) -> list[tuple[str, int, int, int, int]]:
    """Edit opcodes from ``before`` to ``after``, linear in the common prefix and suffix.

    A one-line article of a megabyte with one entity must not cost a quadratic diff: only the
    stretch between the common ends goes to rapidfuzz's bit-parallel Indel alignment.

    >>> _opcodes("caf&#233; ok", "café ok")
    [('equal', 0, 3, 0, 3), ('insert', 3, 3, 3, 4), ('delete', 3, 9, 4, 4), ('equal', 9, 12, 4, 7)]
    """
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    ops: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)] if head else []
    for tag, i1, i2, j1, j2 in Indel.opcodes(before[head:len(before) - tail], after[head:len(after) - tail]).as_list():
        ops.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(before) - tail, len(before), len(after) - tail, len(after)))
    return _merge_equal(ops)


def _merge_equal(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and op[0] == "equal" == out[-1][0]:
            out[-1] = ("equal", out[-1][1], op[2], out[-1][3], op[4])
        elif op[2] > op[1] or op[4] > op[3]:
            out.append(op)
    return out


def _changed_stretches(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` for each changed stretch, grown over unchanged non-ASCII neighbours
    (so "Ã‚Â£" -> "£" is one stretch, not a deletion before an untouched "£") and merged."""
    ops = _opcodes(before, after)
    out: list[list[int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        low = ops[k - 1][1] if k and ops[k - 1][0] == "equal" else i1
        while i1 > low and _extendable(before[i1 - 1]):
            i1, j1 = i1 - 1, j1 - 1
        high = ops[k + 1][2] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else i2
        while i2 < high and _extendable(before[i2]):
            i2, j2 = i2 + 1, j2 + 1
        if out and i1 - out[-1][1] <= MERGE_GAP:
            out[-1][1], out[-1][3] = max(out[-1][1], i2), max(out[-1][3], j2)
        else:
            out.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in out]


@cache
def _ftfy() -> tuple[Callable[[str], tuple[str, Any]], Callable[[str], int]]:
    """ftfy's ``fix_and_explain`` with :data:`FTFY_OPTIONS`, and its ``badness``: imported the first
    time a line could hold mojibake (about a fifth of a plain scan's start-up; ASCII text never needs it)."""
    from ftfy import TextFixerConfig, fix_and_explain
    from ftfy.badness import badness

    config = TextFixerConfig(**FTFY_OPTIONS)
    return (lambda line: fix_and_explain(line, config=config)), badness


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The line ``text[start:end]`` itself, or for a line longer than :data:`LONG_LINE` the
    stretches of it around the characters mojibake and entities show (non-ASCII, ``&``, ESC),
    widened by :data:`WINDOW_MARGIN` and out to a space, overlapping ones joined: ftfy's
    badness measure reads its whole input, and one 1.2 MB line held a few accented names.

    >>> line = "a " * 3000 + "caf\u00c3\u00a9 " + "b " * 3000
    >>> [(i, j, len(line[i:j].split())) for i, j in _pieces(line, 0, len(line))]
    [(5938, 6069, 64)]
    """
    if end - start <= LONG_LINE:
        yield start, end
        return
    window: tuple[int, int] | None = None
    for m in _SHOWN_RE.finditer(text, start, end):
        left = text.rfind(" ", start, max(start, m.start() - WINDOW_MARGIN)) + 1 or start
        right = text.find(" ", min(end, m.end() + WINDOW_MARGIN), end)
        right = end if right < 0 else right
        if window and left <= window[1]:
            window = (window[0], right)
            continue
        if window:
            yield window
        window = (max(left, start), right)
    if window:
        yield window


def _line_fixes(text: str) -> Iterator[tuple[int, str, str, list[tuple[str, str]]]]:
    """``(piece start, piece, ftfy's fix, explanation)`` for each line (or piece of a long
    line, :func:`_pieces`) ftfy would change."""
    for line_start, line_end in lines(text):
        for start, end in _pieces(text, line_start, line_end):
            line = text[start:end]
            if line.isascii() and "&" not in line and "\x1b" not in line:
                continue  # mojibake always shows non-ASCII; entities need "&"
            fixed, explanation = _ftfy()[0](line)
            if fixed != line:
                yield start, line, fixed, [(step[0], step[1]) for step in explanation or []]


def mojibake_stretches(text: str) -> list[Stretch]:
    """Every stretch of ``text`` that ftfy's encoding repairs change, in order."""
    out = []
    for start, line, fixed, explanation in _line_fixes(text):
        decoded = any(step in _DECODE_STEPS or name in _DECODE_FIXERS for step, name in explanation)
        badness = _ftfy()[1]
        sure = decoded and badness(line) > badness(fixed)
        steps = ", ".join(f"{step} {name}" for step, name in explanation) or "ftfy fixes"
        for i1, i2, j1, j2 in _changed_stretches(line, fixed):
            if i1 == i2:
                continue  # ftfy only inserted text: nothing in the original to point at
            out.append(Stretch(Span(start + i1, start + i2), line[i1:i2], fixed[j1:j2], sure, steps))
    return out
