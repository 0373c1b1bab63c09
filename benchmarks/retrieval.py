"""Retrieval benchmark: the 1,750-article corpus as a reference library, damaged articles as queries.

Usage: .venv/bin/python benchmarks/retrieval.py [--queries 300] [--seed 1] [--excerpt half|one] [--corpus PATH]

Each query is an excerpt (half of the article's paragraphs, or a single one) of a corpus article, damaged the
way scrapes damage text: digits, apostrophes, hyphens, quotes and $ % £ stripped, paragraphs merged,
title dropped. Prints top-1 / top-3 accuracy, the best-score distribution, and timings. It then
removes each query's article from the library and counts how often some *other* article would
still be attached as a reference (score >= MIN_SIMILARITY): the false-attach rate.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repairkit.reference.library import MIN_COVERAGE, MIN_SIMILARITY, Library  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/news.jsonl")


def damage(text: str, rng: random.Random, excerpt: str = "half") -> str:
    """Scrape-style damage: a paragraph excerpt, symbols and digits stripped, paragraphs merged."""
    paragraphs = text.split("\n\n")
    keep = max(1, len(paragraphs) // 2) if excerpt == "half" else 1
    start = rng.randrange(0, len(paragraphs) - keep + 1)
    out = " ".join(paragraphs[start:start + keep])
    out = re.sub(r"\d", "", out)
    out = re.sub(r"(?<=\w)-(?=\w)", "", out)
    return re.sub(r"['\"$%£]", "", out)


def main() -> None:
    """Build the library, run the damaged queries, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--excerpt", choices=["half", "one"], default="half",
                    help="query = half of the article's paragraphs, or one paragraph")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    t0 = time.perf_counter()
    library = Library.load([args.corpus])
    build_s = time.perf_counter() - t0
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(args.seed)
    sample = rng.sample(range(len(records)), min(args.queries, len(records)))
    queries = [(i, damage(records[i]["text"], rng, args.excerpt)) for i in sample]

    top1 = top3 = kept = attached = 0
    best_scores, second_scores, elapsed, misses = [], [], [], []
    cpu = time.process_time()
    for i, query in queries:
        t = time.perf_counter()
        matches = library.matches(query)
        elapsed.append(time.perf_counter() - t)
        ids = [m.index for m in matches[:3]]
        top1 += bool(ids) and ids[0] == i
        if ids and ids[0] != i:
            misses.append(f"{records[i]['id']} -> {records[ids[0]]['id']}")
        top3 += i in ids
        true = next((m for m in matches if m.index == i), None)
        other = next((m for m in matches if m.index != i), None)
        kept += bool(true and true.relevant)
        attached += bool(other and other.relevant)
        best_scores.append(true.similarity if true else 0.0)
        second_scores.append(other.similarity if other else 0.0)

    n = len(queries)
    print(f"library: {len(library)} articles from {args.corpus.name}, indexed in {build_s:.2f} s")
    words = statistics.median(len(q.split()) for _, q in queries)
    print(f"queries: {n} damaged excerpts ({args.excerpt}; median {words:.0f} words; seed {args.seed})")
    print(f"top-1 accuracy: {top1 / n:.3f} ({top1}/{n})   top-3: {top3 / n:.3f}")
    cpu_ms = 1000 * (time.process_time() - cpu) / n
    print(f"ms/query: wall mean {1000 * statistics.mean(elapsed):.2f}, max {1000 * max(elapsed):.2f}; "
          f"cpu mean {cpu_ms:.2f} (wall times vary with machine load)")
    if misses:
        print("top-1 misses (query -> retrieved):", ", ".join(misses))
    print(f"similarity of the true article: median {statistics.median(best_scores):.3f}, "
          f"min {min(best_scores):.3f}; best other article: median {statistics.median(second_scores):.3f}, "
          f"max {max(second_scores):.3f}")
    print(f"acceptance rule (similarity >= {MIN_SIMILARITY} or coverage >= {MIN_COVERAGE}): true article kept "
          f"{kept / n:.3f}; false-attach rate if the true article were missing from the library {attached / n:.3f}")
    print("similarity threshold alone  kept  false-attach")
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        kept_share = sum(b >= threshold for b in best_scores) / n
        false = sum(s >= threshold for s in second_scores) / n
        print(f"  {threshold:.2f}                       {kept_share:.3f} {false:.3f}")
    t = time.perf_counter()
    for _, art in library.retrieve(queries[0][1]):
        art.facts  # noqa: B018 - parsing happens on retrieval
    print(f"retrieve + parse of the top {len(library.retrieve(queries[0][1]))}: "
          f"{1000 * (time.perf_counter() - t):.1f} ms")


if __name__ == "__main__":
    main()
