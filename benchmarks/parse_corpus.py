"""Parse every corpus article as a reference: throughput, block/fact kinds, and offset checks.

Usage: .venv/bin/python benchmarks/parse_corpus.py [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.retrieval import CORPUS  # noqa: E402
from repairkit.reference.parse import parse_text  # noqa: E402


def main() -> None:
    """Parse the corpus and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    blocks: Counter[str] = Counter()
    facts: Counter[str] = Counter()
    terms = bad = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for r in records:
        art = parse_text(f"{r['title']}\n\n{r['text']}", r["id"])
        blocks.update(b.kind for b in art.blocks)
        facts.update(f.kind for f in art.facts)
        terms += len(art.terms)
        bad += sum(art.text[b.start:b.end] != b.text for b in art.blocks)
        bad += sum(art.text[f.start:f.end] != f.text for f in art.facts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(records)
    print(f"parsed {n} articles: {1000 * cpu / n:.2f} ms/article cpu ({1000 * wall / n:.2f} wall)")
    print("blocks:", dict(blocks.most_common()))
    print("facts:", dict(facts.most_common()), f"({sum(facts.values()) / n:.1f} per article)")
    print(f"term keys: {terms / n:.1f} per article; offset mismatches: {bad}")


if __name__ == "__main__":
    main()
