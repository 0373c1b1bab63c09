"""Recall, precision and clean-text false alarms of the RK2xx apostrophe rules.

Strips apostrophes from the ODD-id corpus articles (the even ones were used to derive
``repairkit/data/apostrophe_contexts.tsv``), records every stripped site, runs the rules on
the damaged and on the clean text, and prints figures per rule and per regime. A site is
"regime 2" when its bare form also occurs as a plain word in the clean corpus ("its",
"were", "worlds"), otherwise "regime 1" ("dont", "chinas").

    .venv/bin/python benchmarks/apostrophe_bench.py [--limit N] [--rate R] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from repairkit.detectors.apostrophes import DETECTORS, REPORT_PROBABILITY
from repairkit.document import Document
from repairkit.lexicon import is_common, zipf
from repairkit.registry import findings_of

CORPUS = Path("/work/shared/corpus/news.jsonl")
SITE_RE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])|(?<=[A-Za-z]s)'(?=[ \t][A-Za-z])")
WORD_RE = re.compile(r"[A-Za-z]+")


def strip(text: str, rate: float, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """Remove apostrophes at ``rate``; return the damaged text and (start, end, original word) sites."""
    out, sites, last = [], [], 0
    shift = 0
    for m in SITE_RE.finditer(text):
        if rng.random() >= rate:
            continue
        out.append(text[last:m.start()])
        last = m.end()
        shift += 1
        sites.append(m.start())
    out.append(text[last:])
    damaged = "".join(out)
    spans = {}
    for k, pos in enumerate(sites):  # pos in the clean text; k apostrophes removed before it
        at = pos - k
        ws, we = at, at
        while ws > 0 and damaged[ws - 1].isalpha():
            ws -= 1
        while we < len(damaged) and damaged[we].isalpha():
            we += 1
        os_, oe = pos, pos + 1  # the original word: letters and apostrophes around the site
        while os_ > 0 and (text[os_ - 1].isalpha() or text[os_ - 1] == "'" and text[os_ - 2:os_ - 1].isalpha()):
            os_ -= 1
        while oe < len(text) and text[oe].isalpha() or text[oe:oe + 1] == "'" and text[oe + 1:oe + 2].isalpha():
            oe += 1
        spans[(ws, we)] = text[os_:oe]
    spans = [(ws, we, o) for (ws, we), o in spans.items()]
    return damaged, spans


def clean_word(word: str) -> str:
    return word.strip("'")


def text_of(word: str) -> str:
    """The comparable form of a repair: hyphenated names are compared on their last part."""
    return word.rsplit("-", 1)[-1]


def _common_word(bare: str, original: str) -> bool:
    """True when the bare form is a common word not dominated by its apostrophe form."""
    return is_common(bare) and zipf(original.lower()) - zipf(bare) < 1.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="articles to read (0 = all odd-id articles)")
    ap.add_argument("--rate", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print this many errors per rule")
    ap.add_argument("--threshold", action="append", default=[], metavar="CODE=P",
                    help="override a rule's report probability, e.g. RK205=0.8")
    ap.add_argument("--split", choices=("odd", "even"), default="odd",
                    help="odd = held out (default); even = the split the data was derived from (tuning)")
    args = ap.parse_args()
    for item in args.threshold:
        code, value = item.split("=")
        REPORT_PROBABILITY[code] = float(value)
    rng = random.Random(args.seed)
    arts = [json.loads(x) for x in CORPUS.open(encoding="utf-8")]
    vocab = {w.lower() for a in arts for w in WORD_RE.findall(a["text"])}
    parity = 1 if args.split == "odd" else 0
    held = [a for a in arts if int(a["id"].rsplit("-", 1)[1]) % 2 == parity]
    if args.limit:
        held = held[:args.limit]
    tp, fp, clean_fa = Counter(), Counter(), Counter()
    sites_by_regime, found_by_regime = Counter(), Counter()
    words = 0
    errors: dict[str, list[str]] = {}
    for art in held:
        clean = art["text"]
        words += len(clean.split())
        cdoc = Document.from_text(clean)
        for spec in DETECTORS:
            for f in findings_of(spec, cdoc):
                clean_fa[spec.code] += 1
                errors.setdefault(spec.code + " clean-FA", []).append(clean[max(0, f.span.start - 30):f.span.end + 30])
        damaged, sites = strip(clean, args.rate, rng)
        ddoc = Document.from_text(damaged)
        at_offset = {i: (s, e, o) for s, e, o in sites for i in range(s, e)}  # a finding matches a site it overlaps
        hit_sites: set[int] = set()
        for spec in DETECTORS:
            for f in findings_of(spec, ddoc):
                site = next((at_offset[i] for i in range(f.span.start, f.span.end) if i in at_offset), None)
                if site:
                    original = text_of(clean_word(site[2]))
                    ok = f.best is None or any(original.endswith(text_of(s.replacement or "")) for s in f.suggestions)
                    (tp if ok else fp)[spec.code] += 1
                    hit_sites.add(site[0])
                    if not ok:
                        errors.setdefault(spec.code + " wrong-fix", []).append(f"{site[2]} -> {f.best.replacement}")
                else:
                    fp[spec.code] += 1
                    errors.setdefault(spec.code + " FP", []).append(damaged[max(0, f.span.start - 30):f.span.end + 30])
        for s, e, o in sites:
            regime = 2 if damaged[s:e].lower() in vocab or _common_word(damaged[s:e], o) else 1
            sites_by_regime[regime] += 1
            if s in hit_sites:
                found_by_regime[regime] += 1
            else:
                errors.setdefault(f"missed regime {regime}", []).append(o)
                errors.setdefault(f"missed-context regime {regime}", []).append(damaged[max(0, s - 25):e + 25])
    print(f"articles {len(held)} ({args.split} ids), words {words}, strip rate {args.rate}, seed {args.seed}")
    print("rule   TP    FP   precision  clean-FA  per-1k-clean-words")
    for spec in DETECTORS:
        c = spec.code
        n = tp[c] + fp[c]
        print(f"{c}  {tp[c]:5d} {fp[c]:5d}  {tp[c] / n if n else float('nan'):9.3f}  {clean_fa[c]:8d}  "
              f"{1000 * clean_fa[c] / words:.3f}")
    for regime in (1, 2):
        n = sites_by_regime[regime]
        print(f"regime {regime}: sites {n}, found {found_by_regime[regime]}, recall {found_by_regime[regime] / max(n, 1):.3f}")
    total_fa = sum(clean_fa.values())
    print(f"all RK2 clean false alarms: {total_fa} = {1000 * total_fa / words:.3f} per 1,000 words")
    if args.show:
        for key, items in sorted(errors.items()):
            common = Counter(items).most_common(args.show) if key.startswith("missed ") else [(i, 1) for i in items[:args.show]]
            print(f"--- {key} ({len(items)})")
            for item, n in common:
                print(f"   {n:3d}  {item!r}")


if __name__ == "__main__":
    main()
