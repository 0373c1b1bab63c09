"""How often RK801's mojibake fixes restore the original text, by applicability.

Run ``python -m benchmarks.encoding_fixes [--limit N]``: damages the news corpus with the
``mojibake`` profile of :mod:`benchmarks.damage` (UTF-8 read as Windows-1252 on a
typographic copy), applies every RK801 suggestion inside each whitespace-delimited token
and counts the tokens that come out exactly as in the clean copy.

>>> tally([{"id": "t", "text": "It’s £5."}])["safe"][1] >= 1
True
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from benchmarks.damage import damage, load_corpus
from repairkit.detectors.encoding import find_mojibake
from repairkit.registry import prepared

_TOKEN_END_RE = re.compile(r"\s|$")


def tally(articles: list[dict[str, str]], rate: float = 1.0) -> dict[str, tuple[int, int]]:
    """``{applicability: (exactly restored, suggestions)}`` over ``articles``."""
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i, article in enumerate(articles):
        d = damage(article["text"], "mojibake", rate, seed=i)
        fixes = [h.suggestions[0] for h in find_mojibake(*prepared(d.text, "RK801"))]
        for fix in fixes:
            start = d.text.rfind(" ", 0, fix.span.start) + 1
            end = _TOKEN_END_RE.search(d.text, fix.span.end).start()  # type: ignore[union-attr]
            token = d.text[start:end]
            for other in sorted((f for f in fixes if start <= f.span.start and f.span.end <= end),
                                key=lambda f: -f.span.start):
                token = token[:other.span.start - start] + (other.replacement or "") + token[other.span.end - start:]
            label = fix.applicability.label
            total[label] += 1
            ok[label] += token == d.clean[d.to_clean_offset(start):d.to_clean_offset(end)]
    return {label: (ok[label], total[label]) for label in total}


def main(argv: list[str] | None = None) -> None:
    """Print the share of exactly restored tokens per applicability."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="only the first N articles (default 300)")
    parser.add_argument("--rate", type=float, default=0.5, help="share of eligible tokens garbled (default 0.5)")
    args = parser.parse_args(argv)
    for label, (ok, total) in sorted(tally(load_corpus(limit=args.limit), args.rate).items()):
        print(f"{label:7} {ok:6,} of {total:6,} fixes restore the original token ({ok / total:.4f})")


if __name__ == "__main__":
    main()
