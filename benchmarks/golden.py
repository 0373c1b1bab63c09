"""The golden findings: every finding of all rules over a fixed sample of damaged and clean
corpus articles, kept in ``tests/golden/findings.jsonl`` so that a rewrite of the core shows
every finding it changes (``tests/test_golden.py`` compares).

The sample is every 35th news article and every 37th speech (speeches cut to their first 6,000
characters), each clean and damaged with the ``listed`` profile (the seed profile of the
time), plus the two fixtures. The corpus texts are not copied into the repository: each line
keeps the sha256 of its input, so a change of the simulator or the corpus shows as a changed
input, not as changed findings.

    python -m benchmarks.golden            # compare, print the differences
    python -m benchmarks.golden --write    # write the file anew (explain why in the commit)

>>> sample = list(golden_inputs(limit=2))
>>> [s[0] for s in sample][:2]
['fixture:scraped_commentary.txt', 'fixture:structured_article.txt']
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.damage import damage, load_corpus
from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "findings.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
#: The damage profile of the golden sample, by name (kept when the simulator's profiles grow).
#: "listed" is what "seed" meant when the file was written; "seed" is now the seed's scraper exactly.
PROFILE = "listed"
SPEECH_CHARS = 6000


def golden_inputs(limit: int | None = None) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of the sample, in a fixed order."""
    n = 0
    for name in ("scraped_commentary.txt", "structured_article.txt"):
        yield f"fixture:{name}", (ROOT / "fixtures" / name).read_text(encoding="utf-8")
        n += 1
    for corpus, step, cut in (("news.jsonl", 35, None), ("speeches.jsonl", 37, SPEECH_CHARS)):
        if limit is not None and n >= limit:
            return  # the fixtures were enough: the corpus is not read
        for i, art in enumerate(load_corpus(CORPUS / corpus)):
            if i % step:
                continue
            text = art["text"][:cut] if cut else art["text"]
            for kind, body in (("clean", text), ("damaged", damage(text, PROFILE, seed=i).text)):
                if limit is not None and n >= limit:
                    return
                yield f"{art['id']}:{kind}", body
                n += 1


def findings_of(text: str) -> list[list[Any]]:
    """Each finding as ``[code, start, end, severity, [[start, end, replacement, confidence, applicability], ...]]``."""
    result = scan_document(Document.from_text(text), select_rules(Config()))
    return [[f.code, f.span.start, f.span.end, f.severity.label,
             [[s.span.start, s.span.end, s.replacement, round(s.confidence, 4), s.applicability.label]
              for s in f.suggestions]] for f in result.findings]


def golden_lines() -> Iterator[dict[str, Any]]:
    """One record per sample document: its name, input sha256 and findings."""
    for name, text in golden_inputs():
        yield {"name": name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
               "findings": findings_of(text)}


def compare(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    """Human-readable differences between two golden files (empty when identical)."""
    out: list[str] = []
    want = {r["name"]: r for r in expected}
    for rec in actual:
        old = want.pop(rec["name"], None)
        if old is None:
            out.append(f"{rec['name']}: new in the sample")
        elif old["sha256"] != rec["sha256"]:
            out.append(f"{rec['name']}: input changed (simulator or corpus), findings not compared")
        else:
            gone = [f for f in old["findings"] if f not in rec["findings"]]
            new = [f for f in rec["findings"] if f not in old["findings"]]
            out.extend(f"{rec['name']}: - {f}" for f in gone)
            out.extend(f"{rec['name']}: + {f}" for f in new)
    out.extend(f"{name}: no longer in the sample" for name in want)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write tests/golden/findings.jsonl anew")
    args = ap.parse_args(argv)
    actual = list(golden_lines())
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in actual), encoding="utf-8")
        print(f"wrote {GOLDEN.relative_to(ROOT)}: {len(actual)} documents, "
              f"{sum(len(r['findings']) for r in actual)} findings")
        return 0
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    diffs = compare(expected, actual)
    print("\n".join(diffs) or "identical", file=sys.stdout)
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
