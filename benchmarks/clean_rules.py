"""Findings per rule on the clean news corpus: what each rule raises on undamaged text.

Run ``python -m benchmarks.clean_rules [--select RK5 RK6 ...] [--limit N]``. Prints, per
rule, the findings, their rate per 1,000 words, and one example each. The corpus is
edited news, so every warning or error here is a false alarm (or a genuine artefact of
the corpus, such as an HTML entity left in the text).

>>> counts, words, _ = count_rules([{"id": "t", "title": "T", "text": "He said it,, twice."}], ["RK6"])
>>> dict(counts), words > 0
({'RK601': 1}, True)
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.damage import load_corpus
from repairkit.document import Document
from repairkit.registry import findings_of, select


def count_rules(articles: list[dict[str, str]], selectors: list[str]) -> tuple[Counter[str], int, dict[str, str]]:
    """``(findings per rule code, words scanned, one example per rule)``."""
    rules = select(selectors or None)
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    words = 0
    for article in articles:
        text = article.get("title", "") + "\n\n" + article["text"]
        words += len(text.split())
        doc = Document.from_text(text)
        for rule in rules:
            for f in findings_of(rule, doc):
                counts[f.code] += 1
                examples.setdefault(f.code, text[max(0, f.span.start - 30):f.span.end + 30].replace("\n", "⏎"))
    return counts, words, examples


def main(argv: list[str] | None = None) -> None:
    """Print the per-rule table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", nargs="*", default=[], help="rule codes or prefixes (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    counts, words, examples = count_rules(load_corpus(limit=args.limit), args.select)
    print(f"{words:,} words")
    for code in sorted(counts):
        rule = select([code])[0]
        print(f"{code} {rule.severity.label:7} {counts[code]:6,} {1000 * counts[code] / words:7.3f}/1k  {examples[code][:90]!r}")


if __name__ == "__main__":
    main()
