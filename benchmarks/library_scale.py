"""Reference library at scale: build time, size on disk, retrieval + comparison time, top-1 accuracy.

Usage: .venv/bin/python -m benchmarks.library_scale [--sizes 100,1000,10000,100000] [--queries 200]
       [--half odd] [--seed 0] [--pool-share 1] [--in-memory] [--variants K,C;...] [--keep DIR] [--workdir DIR]

Synthetic libraries: article ``i`` is 4 to 9 paragraphs drawn at random from the news corpus's
paragraphs (of one half of the articles with ``--half even|odd``: constants were chosen on the
even half, figures are reported on the odd, held-out half), titled by its first words. Each size
is the first N articles of one sequence, indexed with ``repairkit library build`` (SQLite FTS5).
Queries are half-articles (a run of half an article's paragraphs) of articles in the library,
seed-damaged (``benchmarks/damage.py``: digits, apostrophes, hyphens, quotes, symbols stripped,
paragraphs merged). Per query: *retrieval* is ``references_for`` (FTS5 BM25 candidates, exact
TF-IDF scoring, parsing of the articles taken); *comparison* is the reference stage of the scan
(``repair.build.enrich``: alignment, facts, terms) on the rules' findings, which are computed
beforehand and not timed. Times are wall-clock medians, with the CPU time of the process beside
them (wall time on a shared machine includes waiting for a core). Top-1 accuracy: the first reference is the query's own article.
*In cand.*: the share of queries whose article is among the full-text candidates (stage one of
``LibraryStore.matches``). *Ambiguous*: queries that another article of the library holds too, as
one run of the same paragraphs in the same order: no retrieval can tell it from the source (the
store then takes the more similar, usually the shorter). ``--pool-share 0.1`` at 10,000 articles
shares each paragraph among as many articles as the whole pool at 100,000 (a test of the
candidate stage at a tenth of the cost; pairs of paragraphs are shared ten times as often, so
more queries are ambiguous). ``--keep DIR`` keeps the built libraries and uses them again.
``--in-memory`` adds the in-memory ``Library`` (re-indexed at every run) beside it, up to 10,000.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.damage import damage, load_corpus
from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules
from repairkit.reference import store as library_store
from repairkit.reference.library import Library
from repairkit.reference.store import LibraryStore, build_library
from repairkit.repair.build import enrich

MIN_PARAGRAPH_WORDS = 8


def paragraph_pool(half: str, share: float = 1.0, seed: int = 0) -> list[str]:
    """Corpus paragraphs of at least MIN_PARAGRAPH_WORDS words, from all articles or one half.

    ``share`` < 1 keeps that share of them (drawn at random): articles then share each paragraph
    more often, so a small library is as hard for the index as a larger one (0.1 at 10,000
    articles: every paragraph in about as many articles as with the whole pool at 100,000).
    """
    pool = []
    for i, article in enumerate(load_corpus()):
        if half == "all" or (i % 2 == 0) == (half == "even"):
            pool.extend(p for p in article["text"].split("\n\n") if len(p.split()) >= MIN_PARAGRAPH_WORDS)
    if share < 1.0:
        pool = random.Random(seed).sample(pool, max(10, round(len(pool) * share)))
    return pool


def synthetic_articles(pool: Sequence[str], count: int, seed: int) -> list[list[str]]:
    """``count`` articles, each a list of 4-9 distinct pool paragraphs."""
    rng = random.Random(seed)
    return [rng.sample(pool, rng.randint(4, 9)) for _ in range(count)]


def write_library_source(path: Path, articles: Sequence[list[str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, paragraphs in enumerate(articles):
            title = " ".join(paragraphs[0].split()[:7])
            fh.write(json.dumps({"id": f"syn-{i:06d}", "title": title, "text": "\n\n".join(paragraphs)},
                                ensure_ascii=False) + "\n")


def half_article(paragraphs: list[str], rng: random.Random) -> str:
    keep = max(1, len(paragraphs) // 2)
    start = rng.randrange(0, len(paragraphs) - keep + 1)
    return "\n\n".join(paragraphs[start:start + keep])


def ambiguous(articles: Sequence[list[str]], queries: Sequence[tuple[int, list[str]]]) -> int:
    """How many queries (article index, its paragraphs) another article holds too, one after the other.

    No text can tell those articles from the source: each holds the query as one run of words.
    """
    where: dict[str, list[tuple[int, int]]] = {}
    wanted = {run[0] for _, run in queries}
    for j, paragraphs in enumerate(articles):
        for position, paragraph in enumerate(paragraphs):
            if paragraph in wanted:
                where.setdefault(paragraph, []).append((j, position))
    return sum(any(j != i and articles[j][p:p + len(run)] == run for j, p in where[run[0]]) for i, run in queries)


def measure(library: object, queries: Sequence[tuple[str, Document, list]], rules: list) -> dict[str, float]:
    """Median/p90 retrieval and comparison times (ms), top-1 accuracy over the queries, and (for a
    library file) the share of queries whose article is among the full-text candidates."""
    retrieval, comparison, total, cpu, retrieval_cpu, hits, found = [], [], [], [], [], 0, 0
    for ident, doc, findings in queries:
        c0 = time.process_time()
        t0 = time.perf_counter()
        refs = library.references_for(doc.text)  # type: ignore[attr-defined]
        t1 = time.perf_counter()
        retrieval_cpu.append(1000 * (time.process_time() - c0))
        enrich(doc, findings, refs)
        t2 = time.perf_counter()
        cpu.append(1000 * (time.process_time() - c0))
        retrieval.append(1000 * (t1 - t0))
        comparison.append(1000 * (t2 - t1))
        total.append(1000 * (t2 - t0))
        hits += bool(refs) and refs[0].path.endswith(f"#{ident}")
    if isinstance(library, LibraryStore):  # after the timed loop, which it would warm
        found = sum(library.rowid(ident) in {m.index for m in library.matches(doc.text)} for ident, doc, _ in queries)
    p90 = lambda xs: statistics.quantiles(xs, n=10)[-1]  # noqa: E731
    return {"retrieval": statistics.median(retrieval), "comparison": statistics.median(comparison),
            "total": statistics.median(total), "total_p90": p90(total), "cpu": statistics.median(cpu),
            "retrieval_cpu": statistics.median(retrieval_cpu),
            "top1": hits / len(queries), "candidates": found / len(queries)}


def compare_setting(store: LibraryStore, queries: Sequence[tuple[str, Document, list]], keys: int,
                    candidates: int) -> str:
    """Candidate recall, top-1 and median retrieval CPU of the store with other key and candidate counts."""
    saved = library_store.QUERY_KEYS, library_store.CANDIDATES
    library_store.QUERY_KEYS, library_store.CANDIDATES = keys, candidates
    try:
        found = hits = 0
        cpu = []
        for ident, doc, _ in queries:
            c0 = time.process_time()
            refs = store.references_for(doc.text)
            cpu.append(1000 * (time.process_time() - c0))
            hits += bool(refs) and refs[0].path.endswith(f"#{ident}")
            found += store.rowid(ident) in {m.index for m in store.matches(doc.text)}
    finally:
        library_store.QUERY_KEYS, library_store.CANDIDATES = saved
    return (f"keys {keys}, candidates {candidates}: in cand. {found / len(queries):.3f}, top-1 {hits / len(queries):.3f}, "
            f"retrieval CPU median {statistics.median(cpu):.1f} ms")


def main(argv: Sequence[str] | None = None) -> None:
    """Build each library size, run the damaged half-article queries, print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[100, 1000, 10_000, 100_000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--half", choices=["all", "even", "odd"], default="odd")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pool-share", type=float, default=1.0,
                    help="draw articles from this share of the paragraphs (harder: more articles share each)")
    ap.add_argument("--in-memory", action="store_true", help="also the in-memory Library, up to 10,000 articles")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--variants", default="",
                    help="also score these settings of the store, 'KEYS,CANDIDATES;...' (e.g. '16,12;24,24'): "
                         "source among the candidates, top-1, retrieval CPU (after the timed run: caches warm)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="keep each built library in this directory and use it again in a later run "
                         "(with the build time measured when it was built)")
    args = ap.parse_args(argv)

    pool = paragraph_pool(args.half, args.pool_share, args.seed)
    articles = synthetic_articles(pool, max(args.sizes), args.seed)
    rules = select_rules(Config())
    sharing = 6.5 * max(args.sizes) / len(pool)
    print(f"paragraph pool: {len(pool)} paragraphs of the {args.half} half of the news corpus (share {args.pool_share}); "
          f"articles of 4-9 paragraphs (seed {args.seed}), each paragraph in ~{sharing:.1f} of {max(args.sizes)}; "
          f"{args.queries} damaged half-article queries per size")
    header = (f"{'articles':>9} {'engine':<7} {'build s':>8} {'MB on disk':>10} {'retrieval ms':>12} "
              f"{'comparison ms':>13} {'total ms':>8} {'p90 ms':>7} {'total CPU ms':>12} {'retr. CPU':>9} {'top-1':>6} {'in cand.':>8} {'ambiguous':>9}")
    print(header)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in sorted(args.sizes):
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            name = f"lib-{args.half}-s{args.seed}-p{args.pool_share:g}-{n}"
            source, db, built = (folder / f"{name}{suffix}" for suffix in (".jsonl", ".db", ".build.json"))
            rng = random.Random(args.seed + n)
            queries, runs = [], []
            for i in rng.sample(range(n), min(args.queries, n)):
                excerpt = half_article(articles[i], rng)
                runs.append((i, excerpt.split("\n\n")))
                doc = Document.from_text(damage(excerpt, "listed", seed=i).text, f"query-{i}")
                queries.append((f"syn-{i:06d}", doc, scan_document(doc, rules).findings))
            same = ambiguous(articles[:n], runs)
            if args.keep and db.exists() and built.exists():
                build_s = json.loads(built.read_text())["seconds"]
            else:
                write_library_source(source, articles[:n])
                t = time.perf_counter()
                build_library(db, [source])
                build_s = time.perf_counter() - t
                built.write_text(json.dumps({"seconds": build_s}))
            store = LibraryStore.open(db)
            m = measure(store, queries, rules)
            print(f"{n:>9} {'sqlite':<7} {build_s:>8.1f} {db.stat().st_size / 1e6:>10.1f} {m['retrieval']:>12.1f} "
                  f"{m['comparison']:>13.1f} {m['total']:>8.1f} {m['total_p90']:>7.1f} {m['cpu']:>12.1f} "
                  f"{m['retrieval_cpu']:>9.1f} {m['top1']:>6.3f} {m['candidates']:>8.3f} {same:>9}", flush=True)
            for variant in filter(None, args.variants.split(";")):
                print(f"{'':>9} {variant:<7} " + compare_setting(store, queries, *map(int, variant.split(","))), flush=True)
            store.close()
            if args.in_memory and n <= 10_000:
                if not source.exists():
                    write_library_source(source, articles[:n])
                t = time.perf_counter()
                memory = Library.load([source])
                build_s = time.perf_counter() - t
                m = measure(memory, queries, rules)
                print(f"{n:>9} {'memory':<7} {build_s:>8.1f} {'-':>10} {m['retrieval']:>12.1f} "
                      f"{m['comparison']:>13.1f} {m['total']:>8.1f} {m['total_p90']:>7.1f} {m['cpu']:>12.1f} "
                      f"{m['retrieval_cpu']:>9.1f} {m['top1']:>6.3f} {'-':>8} {same:>9}", flush=True)
            source.unlink(missing_ok=True)
            if not args.keep:
                db.unlink()


if __name__ == "__main__":
    main()
