"""Derive ``repairkit/data/quotation_words.tsv`` from seed-damaged news articles of even id.

Each even-id article of the news corpus is damaged the seed's way (``benchmarks.damage``,
profile ``seed``, rate 1.0, seed = its place among the even articles, as ``benchmarks.quality
--half even`` does); where the damaged text lost every quotation mark
(``punctuation.lost_quotes``), each segment of :func:`repairkit.analysis.speech.speech_segments`
is labelled inside or outside a quotation from the damage sites (a quotation opens at a token
that lost an opening mark and closes at one that lost a closing mark), and its features
(:func:`repairkit.analysis.speech.segment_features`) are counted under that label. Odd ids stay
held out (``python -m benchmarks.quality --half odd``). ``--quarter`` counts only the ids
divisible by four (how the weights of ``speech.quotation_runs`` were chosen: measured on the
other even ids).

    python benchmarks/derive_quotation_words.py [--quarter] [--out FILE]
"""

from __future__ import annotations

import argparse
import re
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from benchmarks.damage import Damaged, damage
from benchmarks.sources import article_number, held_out_half, load_articles
from repairkit.analysis.speech import segment_features, speech_segments
from repairkit.detectors.punctuation import lost_quotes
from repairkit.registry import prepared

OUT = Path(__file__).resolve().parent.parent / "repairkit" / "data" / "quotation_words.tsv"
MIN_TOTAL = 3
_OPENS = "\"“"
_CLOSE_RE = re.compile(r"[\"”][.,;:!?)]*$")


def quotation_marks(damaged: Damaged) -> list[tuple[int, bool]]:
    """``(offset, opens)`` in the damaged text of each lost double quotation mark, in order.

    >>> d = damage('He said: "We won." Next.', "seed", 1.0, 0)
    >>> [(d.text[:at], opens) for at, opens in quotation_marks(d)]
    [('He said ', True), ('He said We won.', False)]
    """
    marks: list[tuple[int, bool]] = []
    for site in damaged.sites:
        if "quote" not in site.lost and site.category != "missing-quote":
            continue
        if site.original[:1] in _OPENS:
            marks.append((site.start, True))
        if _CLOSE_RE.search(site.original) and len(site.original) > 1:
            marks.append((site.end, False))
    return sorted(marks)


def inside_quotation(marks: list[tuple[int, bool]], at: int) -> bool:
    """Whether offset ``at`` lies after an opening mark with no closing one since."""
    k = bisect_right(marks, (at, True))
    return k > 0 and marks[k - 1][1]


def count(articles: list[dict[str, str]], only: set[int] | None) -> tuple[Counter[tuple[str, bool]], Counter[bool]]:
    """Feature counts by label, and the segments of each label."""
    counts: Counter[tuple[str, bool]] = Counter()
    totals: Counter[bool] = Counter()
    for i, article in enumerate(articles):
        if only is not None and i not in only:
            continue
        damaged = damage(article["text"], "seed", 1.0, i)
        text = damaged.text
        if not lost_quotes(prepared(text, "RK607")[1]):
            continue
        marks = quotation_marks(damaged)
        segments = speech_segments(text)
        for j, (start, end, _) in enumerate(segments):
            inside = inside_quotation(marks, (start + end) // 2)
            totals[inside] += 1
            for feat in segment_features(text, segments, j):
                counts[(feat, inside)] += 1
    return counts, totals


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quarter", action="store_true", help="count only the ids divisible by four")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args()
    articles = held_out_half(load_articles("news"), "even")
    only = {i for i, a in enumerate(articles) if article_number(a) % 4 == 0} if args.quarter else None
    counts, totals = count(articles, only)
    feats = sorted({f for f, _ in counts})
    lines = [f"<segments>\t{totals[True]}\t{totals[False]}"]
    lines += [f"{f}\t{counts[(f, True)]}\t{counts[(f, False)]}" for f in feats
              if counts[(f, True)] + counts[(f, False)] >= MIN_TOTAL]
    header = [
        "# repairkit quotation words, format 1",
        "# feature<TAB>segments inside a quotation<TAB>segments outside (<segments>: the totals)",
        "# Segments are speech.speech_segments of news articles damaged the seed's way that lost every",
        "# quotation mark; features are speech.segment_features (words and word pairs lower-cased, ^ the",
        "# first word, # the segment's kind, gap, length and the segment before). Made by benchmarks/derive_quotation_words.py from the EVEN-id",
        f"# articles of the BBC news corpus (news.jsonl){' whose id is divisible by four' if args.quarter else ''};",
        f"# features seen in fewer than {MIN_TOTAL} segments are left out.",
    ]
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} features from {totals[True]} + {totals[False]} segments -> {args.out}")


if __name__ == "__main__":
    main()
