"""Benchmark for the CI and fix machinery on crudely damaged corpus articles.

Prints: fingerprint survival when a paragraph is added at the top of each article (the
baseline use case), the fix --write / fix again / revert round trip (byte-exact or not),
and SARIF rendering time. Figures only; nothing here is asserted.

    python -m benchmarks.ci_roundtrip [--limit N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from repairkit.cli import main
from repairkit.config import Config
from repairkit.document import Document
from repairkit.fingerprint import fingerprints
from repairkit.pipeline import DocumentResult, scan_document, select_rules
from repairkit.report import sarif

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"
INSERTED = "Editor's note: this paragraph was added above the article after publication.\n\n"


def damage(text: str) -> str:
    """Crude local damage: drop apostrophes, hyphens and digits."""
    return re.sub(r"[’'\-0-9]", "", text)


def main_(limit: int, corpus: Path) -> None:
    """Run the three measurements on the first ``limit`` articles."""
    with corpus.open(encoding="utf-8") as fh:
        texts = [damage(json.loads(line)["text"]) for _, line in zip(range(limit), fh)]
    rules = select_rules(Config())
    total = survived = offsets_same = 0
    results = []
    for i, text in enumerate(texts):
        doc = Document.from_text(text, f"doc{i}.txt")
        moved = Document.from_text(INSERTED + text, f"doc{i}.txt")
        before = scan_document(doc, rules)
        after = scan_document(moved, rules)
        results.append(before)
        old = fingerprints(doc, before.findings)
        new = set(fingerprints(moved, after.findings))
        total += len(old)
        survived += sum(fp in new for fp in old)
        new_ids = {(f.code, f.span.start) for f in after.findings}
        offsets_same += sum((f.code, f.span.start) in new_ids for f in before.findings)
    print(f"articles: {len(texts)}; findings: {total}")
    print(f"fingerprints surviving a paragraph added on top: {survived}/{total} "
          f"({100 * survived / max(total, 1):.2f}%); offset-based ids: {offsets_same}/{total}")
    start = time.perf_counter()
    log = sarif.render([DocumentResult(r.document, r.findings) for r in results])
    print(f"SARIF render: {len(log) / 1e6:.1f} MB in {time.perf_counter() - start:.2f}s")
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / f"doc{i}.txt" for i in range(len(texts))]
        for p, text in zip(paths, texts):
            p.write_text(text, encoding="utf-8")
        originals = [p.read_bytes() for p in paths]
        audit = Path(tmp) / "audit.json"
        args = ["fix", *map(str, paths), "--write", "--unsafe", "--mark-unresolved", "--audit", str(audit)]
        runner = CliRunner()
        start = time.perf_counter()
        first = runner.invoke(main, args)
        elapsed = time.perf_counter() - start
        fixed = [p.read_bytes() for p in paths]
        changed = sum(a != b for a, b in zip(originals, fixed))
        second = runner.invoke(main, args)
        stable = sum(a == p.read_bytes() for a, p in zip(fixed, paths))
        reverted = runner.invoke(main, ["revert", str(audit)])
        exact = sum(a == p.read_bytes() for a, p in zip(originals, paths))
        print(f"fix --write: exit {first.exit_code}, {changed}/{len(paths)} files changed in {elapsed:.2f}s; "
              f"second fix: exit {second.exit_code}, {stable}/{len(paths)} unchanged; "
              f"revert: exit {reverted.exit_code}, {exact}/{len(paths)} byte-identical")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ns = parser.parse_args()
    main_(ns.limit, ns.corpus)
