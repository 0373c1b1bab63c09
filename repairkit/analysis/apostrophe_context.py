"""Context statistics and small helpers for the apostrophe rules (:mod:`.apostrophes`).

Loads the shipped data (``apostrophe_contractions.txt``, ``apostrophe_contexts.tsv``),
turns the words around a token into features and features into likelihood ratios.

>>> features("the worlds largest", 4, 10)
('the', 'largest')
>>> log_ratio("poss-next", "largest") > 2 > 0 > log_ratio("poss-next", "are")
True
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources
from types import MappingProxyType

from repairkit.analysis.words import skip_back

_NEXT_RE = re.compile(r"[ \t]*(?:[\"'“‘](?=[A-Za-z]))?([A-Za-z]+|\d)?")
#: How far back the previous word is looked for.
_LOOK_BACK = 40
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CONTEXT_HEADER = "# repairkit apostrophe contexts, format 1"
_CONTRACTION_HEADER = "# repairkit contractions, format 1"


@cache
def contractions() -> MappingProxyType[str, str]:
    """Bare form -> contraction, from ``data/apostrophe_contractions.txt``.

    >>> contractions()["dont"], contractions()["oclock"]
    ("don't", "o'clock")
    """
    lines = resources.files("repairkit").joinpath("data", "apostrophe_contractions.txt").read_text("utf-8").splitlines()
    if not lines or not lines[0].startswith(_CONTRACTION_HEADER):
        raise RuntimeError("apostrophe_contractions.txt: unknown format header")
    return MappingProxyType({w.replace("'", ""): w for w in lines if w and not w.startswith("#")})


@cache
def context_counts() -> MappingProxyType[str, MappingProxyType[str, tuple[int, int]]]:
    """Kind -> context feature -> (count next to the apostrophe form, count next to the bare form).

    >>> a, b = context_counts()["poss-next"]["largest"]
    >>> a > 10 * b
    True
    """
    text = resources.files("repairkit").joinpath("data", "apostrophe_contexts.tsv").read_text("utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith(_CONTEXT_HEADER):
        raise RuntimeError("apostrophe_contexts.tsv: unknown format header")
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for line in lines:
        if line and not line.startswith("#"):
            kind, feat, apos, plain = line.split("\t")
            table.setdefault(kind, {})[feat] = (int(apos), int(plain))
    return MappingProxyType({k: MappingProxyType(v) for k, v in table.items()})


def pooled_feature(feat: str) -> str:
    """The pool of a context word too rare to have its own row: by ending, else ``<OTHER>``.

    >>> pooled_feature("orchestrated"), pooled_feature("proposals"), pooled_feature("<CAP>")
    ('<OTHER-ed>', '<OTHER-s>', '<OTHER>')
    """
    for ending in ("ed", "ing", "ly", "s"):
        if feat.endswith(ending) and not feat.startswith("<") and len(feat) > len(ending) + 2:
            return f"<OTHER-{ending}>"
    return "<OTHER>"


@cache
def _totals(kind: str) -> tuple[int, int]:
    """The total counts of ``kind`` next to the apostrophe form and next to the bare form."""
    rows = context_counts()[kind].values()
    return sum(a for a, _ in rows), sum(p for _, p in rows)


@cache
def log_ratio(kind: str, feat: str) -> float:
    """Natural log of P(feature | apostrophe form) / P(feature | bare form), add-one smoothed.

    Pure in its arguments, so cached: a long text asks the same (kind, word) pairs thousands of times.
    """
    rows = context_counts()[kind]
    apos, plain = rows[feat] if feat in rows else rows[pooled_feature(feat)]
    apos_total, plain_total = _totals(kind)
    return math.log((apos + 1) / apos_total) - math.log((plain + 1) / plain_total)


def previous_token(text: str, start: int) -> str:
    """The word right before ``start`` as written (after spaces only), or ``""``.

    >>> previous_token("Jonathan Ive", 9), previous_token("(Ive", 1)
    ('Jonathan', '')
    """
    return _word_before(text, start) or ""


def _word_before(text: str, start: int) -> str | None:
    """The run of ASCII letters that ends ``text[:start]`` after spaces and tabs (and one line
    break right before ``start``), within :data:`_LOOK_BACK` characters; ``None`` if there is none.

    What ``re.search(r"([A-Za-z]+)?[ \\t]*$", text, start - 40, start).group(1)`` gives, by a
    walk back: that search tries every position of the window, about 30 µs a call.

    >>> _word_before("say hello  ", 11), _word_before("end\\nNext", 4), _word_before("(", 1)
    ('hello', 'end', None)
    """
    low = max(0, start - _LOOK_BACK)
    end = start - 1 if start > low and text[start - 1] == "\n" else start  # "$" matches before a final newline
    while end > low and text[end - 1] in " \t":
        end -= 1
    begin = end
    while begin > low and text[begin - 1] in _ASCII_LETTERS:
        begin -= 1
    return text[begin:end] if begin < end else None


def features(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after ``text[start:end]`` as context features (see the data header).

    An opening quote before the next word is looked through, as in the derivation.

    >>> features('the Smiths "big" day', 4, 10)
    ('the', 'big')
    """
    after = _NEXT_RE.match(text, end)
    nxt = after.group(1) if after else None
    if nxt is None:
        next_feat = "<P>"
    elif nxt[0].isdigit():
        next_feat = "<NUM>"
    else:
        next_feat = "<CAP>" if nxt[0].isupper() else nxt.lower()
    prev = _word_before(text, start)
    return (prev.lower() if prev else "<P>"), next_feat


def to_probability(log_odds: float) -> float:
    """Log-odds to probability.

    >>> to_probability(0.0)
    0.5
    """
    return 1.0 / (1.0 + math.exp(-log_odds))


def with_case(token: str, repaired_lower: str) -> str:
    """Insert the apostrophe(s) of ``repaired_lower`` into ``token``, keeping its letter case.

    >>> with_case("Dont", "don't"), with_case("Im", "i'm"), with_case("DONT", "don't")
    ("Don't", "I'm", "DON'T")
    """
    out, i = [], 0
    for ch in repaired_lower:
        if ch == "'":
            out.append("'")
        else:
            out.append(token[i])
            i += 1
    return "".join(out)


def clause_edge(text: str, start: int) -> bool:
    """True when a sentence end, bracket or line break (or an opening quote after one) stands before ``start``.

    >>> clause_edge('He said, "Well be there', 10), clause_edge('Their "well be', 7)
    (True, False)
    """
    end = skip_back(text, start)
    if text[end - 1:end] in ("\"", "“", "‘"):  # an opening quote: look at what stands before it
        end = skip_back(text, end - 1)
        return not end or text[end - 1] in ".!?:;,(\n—"
    return not end or text[end - 1] in ".!?:;(\n—"
