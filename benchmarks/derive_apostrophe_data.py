"""Derive ``repairkit/data/apostrophe_contexts.tsv`` from the even-numbered corpus articles.

The file holds, for each context word, how often it stands next to a possessive ("the
world's largest") versus a plain word ending in -s ("the worlds are"), and next to "it's"
versus "its". Only articles whose id number is EVEN are read, so the odd ones stay held
out for ``benchmarks/apostrophe_bench.py``.

    .venv/bin/python benchmarks/derive_apostrophe_data.py [/work/shared/corpus/news.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from repairkit.analysis.apostrophe_context import pooled_feature
from repairkit.lexicon import zipf

CORPUS = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/news.jsonl")
OUT = Path(__file__).resolve().parent.parent / "repairkit" / "data" / "apostrophe_contexts.tsv"
MIN_TOTAL = 4
#: "'s" that is a contraction of is/has/us, not a possessive.
NOT_POSSESSIVE = frozenset("it he she that there what who let here where how".split())
QUOTES = frozenset("\"'“‘")
TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+|')?|[^\sA-Za-z]")


def feature(tok: str | None, side: str) -> str:
    """A context token reduced to a feature: a lower-case word, <CAP>, <NUM> or <P> (punctuation/edge)."""
    if tok is None or not tok[0].isalpha():
        return "<NUM>" if tok and tok[0].isdigit() else "<P>"
    if tok[0].isupper() and side == "next":
        return "<CAP>"
    return tok.lower().replace("'", "")


def main() -> None:
    counts: Counter[tuple[str, str, str]] = Counter()  # (kind, feature, label)
    for line in CORPUS.open(encoding="utf-8"):
        art = json.loads(line)
        if int(art["id"].rsplit("-", 1)[1]) % 2:
            continue
        for para in art["text"].split("\n\n"):
            toks = TOKEN_RE.findall(para)
            for i, tok in enumerate(toks):
                prev = toks[i - 1] if i else None
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt in QUOTES and i + 2 < len(toks) and toks[i + 2][0].isalpha():
                    nxt = toks[i + 2]  # look through an opening quote: Smith's "masterpiece"
                low = tok.lower()
                if low in ("it's", "its"):
                    label = "apos" if "'" in low else "plain"
                    counts[("its-next", feature(nxt, "next"), label)] += 1
                    counts[("its-prev", feature(prev, "prev"), label)] += 1
                    continue
                if low.endswith("'s") and low[:-2] not in NOT_POSSESSIVE:
                    label = "apos"
                elif low.endswith("s'"):
                    label = "apos"
                elif low.endswith("s") and "'" not in low and len(low) > 3 and zipf(low[:-1] + "'s") >= 2.0:
                    label = "plain"
                else:
                    continue
                counts[("poss-next", feature(nxt, "next"), label)] += 1
                counts[("poss-prev", feature(prev, "prev"), label)] += 1
    rows = {}
    for (kind, feat, label), n in counts.items():
        rows.setdefault((kind, feat), {"apos": 0, "plain": 0})[label] = n
    for (kind, feat), v in list(rows.items()):  # pool rare contexts by word ending, one row per kind
        if v["apos"] + v["plain"] < MIN_TOTAL:
            other = rows.setdefault((kind, pooled_feature(feat)), {"apos": 0, "plain": 0})
            other["apos"] += v["apos"]
            other["plain"] += v["plain"]
            del rows[(kind, feat)]
    lines = [f"{k}\t{f}\t{v['apos']}\t{v['plain']}" for (k, f), v in sorted(rows.items())]
    header = [
        "# repairkit apostrophe contexts, format 1",
        "# kind<TAB>context<TAB>count next to the apostrophe form<TAB>count next to the plain form",
        "# kinds: poss-next/poss-prev = word after/before a possessive (X's, Xs') vs a plain -s word",
        "# whose possessive is a known word; its-next/its-prev = word after/before it's vs its.",
        "# Features: lower-case word, <CAP> capitalised word, <NUM> number, <P> punctuation or edge.",
        "# Made by benchmarks/derive_apostrophe_data.py from the EVEN-id articles of the BBC news",
        f"# corpus (news.jsonl); contexts seen fewer than {MIN_TOTAL} times are pooled",
        "# by ending as <OTHER-ed>, <OTHER-ing>, <OTHER-ly>, <OTHER-s> or <OTHER>.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows -> {OUT}")


if __name__ == "__main__":
    main()
