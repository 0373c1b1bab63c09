"""Derive ``repairkit/data/gap_contexts.tsv`` from the even-numbered corpus articles.

For every token that seed-style damage would strip to nothing and that stands between two
words, a number ("2004", "£5m" is not one: its letters stay) or a spaced dash ("-", "–",
"—"), count the context features of :func:`repairkit.analysis.gap_context.features`
beside a number and beside a dash. Only articles whose id number is EVEN are read, so the
odd ones stay held out (``python -m benchmarks.quality --half odd``).

    .venv/bin/python benchmarks/derive_gap_contexts.py [/work/shared/corpus/news.jsonl]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from repairkit.analysis.gap_context import features

CORPUS = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/news.jsonl")
OUT = Path(__file__).resolve().parent.parent / "repairkit" / "data" / "gap_contexts.tsv"
MIN_TOTAL = 3
DASHES = frozenset("-–—")


def has_letters(token: str) -> bool:
    """True when ``token`` has a letter of any script."""
    return any(c.isalpha() for c in token)


def label(token: str) -> str | None:
    """``"num"`` for a token of digits and signs only, ``"dash"`` for a spaced dash, else None."""
    if token in DASHES:
        return "dash"
    if any(c.isdigit() for c in token) and not has_letters(token):
        return "num"
    return None


def leaves_gap(token: str) -> bool:
    """True when damage that strips digits and punctuation leaves nothing of ``token``."""
    return not has_letters(token)


def ends_sentence(token: str) -> bool:
    """True for a token that closes a sentence with a full stop (as ``_lone_gap`` reads it)."""
    return token.rstrip("\"'’”)]").endswith(".")


def paragraph_counts(paragraph: str, counts: Counter[tuple[str, str]]) -> None:
    """Add the features of every number and spaced dash of ``paragraph`` to ``counts``."""
    toks = paragraph.split()
    sentence_of, sentence = [], 0
    for tok in toks:
        sentence_of.append(sentence)
        sentence += ends_sentence(tok)
    gaps = Counter(sentence_of[i] for i, tok in enumerate(toks) if leaves_gap(tok))
    for i, tok in enumerate(toks):
        kind = label(tok)
        if kind is None or i == 0 or i + 1 == len(toks):
            continue
        prev, nxt = toks[i - 1], toks[i + 1]
        if not has_letters(prev) or not has_letters(nxt):
            continue  # the detector sees a gap between words only
        alone = gaps[sentence_of[i]] == 1
        for feat in features(toks[i - 2] if i > 1 else "", prev, nxt, toks[i + 2] if i + 2 < len(toks) else "", alone):
            counts[(feat, kind)] += 1


def main() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for line in CORPUS.open(encoding="utf-8"):
        art = json.loads(line)
        if int(art["id"].rsplit("-", 1)[1]) % 2:
            continue
        for para in art["text"].split("\n"):
            paragraph_counts(para, counts)
    rows: dict[str, dict[str, int]] = {}
    for (feat, kind), n in counts.items():
        rows.setdefault(feat, {"num": 0, "dash": 0})[kind] = n
    lines = [f"{f}\t{v['num']}\t{v['dash']}" for f, v in sorted(rows.items())
             if v["num"] + v["dash"] >= MIN_TOTAL or f.startswith("sentence=")]
    header = [
        "# repairkit gap contexts, format 1",
        "# kind=value<TAB>count beside a number<TAB>count beside a spaced dash",
        "# A number is a token of digits and signs only (2004, 7.5, 3-1, 20%); a dash is -, – or —",
        "# standing alone; only those between two words are counted. Kinds: prev/next, prev2/next2",
        "# (the words around it, letters only, lower-cased; <CAP> for a capitalised word that is no",
        "# function word, <W> another script, <P> no letters, <E> the paragraph edge), prevclass/nextclass",
        "# (cap, function, s, ed, ing, ly, word, none; with a comma after it: 'word,'), sentence",
        "# (alone: no other token of digits or signs in its sentence; shared).",
        "# Made by benchmarks/derive_gap_contexts.py from the EVEN-id articles of the BBC news",
        f"# corpus (news.jsonl); values seen fewer than {MIN_TOTAL} times are left out.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows from {sum(v for (f, _), v in counts.items() if f.startswith('sentence='))} tokens -> {OUT}")


if __name__ == "__main__":
    main()
