"""Quick benchmark for RK3 (dropped hyphens) and RK4 (glued words) on the news corpus.

Damages the odd-numbered articles (the compound list was mined from the even half):
  * hyphen run: every hyphenated token loses its hyphens ("well-known" -> "wellknown");
  * space run: a seeded 3% of the spaces between two letter-only words are removed;
  * clean run: the text as it is (false alarms per 1,000 words).
Prints recall / precision / repair accuracy per run. Until benchmarks/damage.py lands.

Usage: python scripts/measure_glue.py [/work/shared/corpus/news.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import time

from repairkit.config import Config
from repairkit.document import Document
from repairkit.lexicon import fast_zipf
from repairkit.pipeline import scan_document, select_rules

HYPHENATED_RE = re.compile(r"(?<![\w\-])[^\W_]+(?:-[^\W_]+)+(?![\w\-])")
SPACE_RE = re.compile(r"(?<=[a-zA-Z]) (?=[a-zA-Z])")


def damage(text: str, kind: str, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """Damaged text and its truth sites ``(start, end, original)`` in damaged offsets."""
    out, sites, last = [], [], 0
    shift = 0
    if kind == "hyphen":
        matches = [(m.start(), m.end(), m.group(), m.group().replace("-", "")) for m in HYPHENATED_RE.finditer(text)]
    else:
        matches = []
        for m in SPACE_RE.finditer(text):
            if rng.random() < 0.03:
                left = re.search(r"[A-Za-z]+$", text[:m.start()]).group()
                right = re.match(r"[A-Za-z]+", text[m.end():]).group()
                matches.append((m.start() - len(left), m.end() + len(right), f"{left} {right}", left + right))
        pruned, end = [], -1
        for site in matches:  # no two sites share a word
            if site[0] > end:
                pruned.append(site)
                end = site[1]
        matches = pruned
    for start, end, original, damaged in matches:
        out.append(text[last:start])
        sites.append((start - shift, start - shift + len(damaged), original))
        out.append(damaged)
        shift += len(original) - len(damaged)
        last = end
    out.append(text[last:])
    return "".join(out), sites


def main() -> None:
    """Run the three measurements and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="/work/shared/corpus/news.jsonl")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=20, help="examples of misses and false alarms to print")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, fh) if int(a["id"].rsplit("-", 1)[1]) % 2 == 1]
    if args.limit:
        articles = articles[:args.limit]
    rules = select_rules(Config(select=("RK3", "RK4")))
    words = sum(len(a["text"].split()) for a in articles)
    for kind, category in (("clean", None), ("hyphen", "missing-hyphen"), ("space", "missing-space")):
        rng = random.Random(7)
        counts: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        started = time.perf_counter()
        for article in articles:
            text, sites = (article["text"], []) if kind == "clean" else damage(article["text"], kind, rng)
            truth = {(s, e): o for s, e, o in sites}
            eligible = {(s, e) for s, e, o in sites
                        if fast_zipf(text[s:e]) < 3.0 and sum(ch.isalpha() for ch in text[s:e]) >= 2}
            counts["sites"] += len(sites)
            counts["eligible"] += len(eligible)
            found = scan_document(Document.from_text(text), rules).findings
            hit_spans = set()
            for f in found:
                key = (f.span.start, f.span.end)
                if key in truth and f.category == category:
                    counts["tp"] += 1
                    hit_spans.add(key)
                    counts["repaired"] += f.best is not None and f.best.replacement == truth[key]
                else:
                    counts["fp"] += 1
                    if len(examples["fp"]) < 400:
                        examples["fp"].append(f"{f.code} {text[f.span.start:f.span.end]!r} -> "
                                              f"{f.best.replacement if f.best else None!r}")
            counts["tp_eligible"] += len(hit_spans & eligible)
            for s, e in sorted(eligible - hit_spans):
                if len(examples["fn"]) < 400:
                    examples["fn"].append(f"{text[s:e]!r} ({truth[(s, e)]!r})")
        seconds = time.perf_counter() - started
        found_total = counts["tp"] + counts["fp"]
        print(f"== {kind}: {len(articles)} articles, {words} words, {seconds:.1f}s")
        if kind == "clean":
            print(f"findings {counts['fp']}  per 1,000 words {1000 * counts['fp'] / words:.3f}")
        else:
            print(f"sites {counts['sites']} (not a common word, 2+ letters: {counts['eligible']})  found {found_total}")
            print(f"recall(eligible) {counts['tp_eligible'] / max(1, counts['eligible']):.3f}  "
                  f"recall(all) {counts['tp'] / max(1, counts['sites']):.3f}  "
                  f"precision {counts['tp'] / max(1, found_total):.3f}  "
                  f"repair-exact {counts['repaired'] / max(1, counts['tp']):.3f}")
        for label in ("fp", "fn"):
            if examples[label]:
                print(f"  {label}: " + "; ".join(examples[label][:args.show]))


if __name__ == "__main__":
    main()
