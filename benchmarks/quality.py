"""Detection-quality benchmark: damage corpus articles, run every detector, score per category.

Run ``python -m benchmarks.quality [--limit N] [--profile P ...] [--json FILE]`` (or
``make benchmark``). For each profile it prints, per category, the sites, detected sites,
recall, findings, true findings and precision next to the targets (a category with no
sites in that profile says so: its findings are all false alarms), the info findings per
1,000 words (not scored: see :mod:`benchmarks.matching`), then the false-alarm
rate of warnings and errors on the undamaged articles, then example misses and false alarms,
and ends with a summary: one line per profile and category. By default it runs every
profile (seed and listed at rate 1.0, each damage class alone at rate 0.5) on all articles.
Matching rules are in :mod:`benchmarks.matching`.

>>> result = run_profile(ARTICLES_FOR_DOCTEST, "digits", 1.0, workers=1, keep=1)
>>> result.evaluation.counts["missing-number"].sites
3
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from functools import cache
from typing import Any, NoReturn

from benchmarks.damage import FULL_PROFILES, PROFILES, damage, load_corpus
from benchmarks.matching import SPLIT_CATEGORIES, Counts, Evaluation, context, evaluate, loud, word_count
from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import CATEGORIES
from repairkit.pipeline import scan_document, select_rules
from repairkit.registry import DetectorSpec

#: Recall targets by category or ``category/subgroup``.
RECALL_TARGETS: dict[str, float] = {
    "missing-number": 0.95,
    "missing-apostrophe/rare": 0.90,
    "missing-hyphen/rare": 0.90,
    "missing-apostrophe/common": 0.60,
}
PRECISION_TARGET = 0.90
#: Warnings and errors per 1,000 words of undamaged text.
FALSE_ALARM_TARGET = 0.5
#: The default rate of the per-class (milder) profiles; the seed and listed profiles strip everything.
MILD_RATE = 0.5
ARTICLES_FOR_DOCTEST = [{"id": "t-1", "text": "In 2020, it rose 5% to the 3rd place."}]


@dataclass
class ProfileResult:
    """The scores of one profile on a set of articles."""

    profile: str
    rate: float
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    evaluation: Evaluation = field(default_factory=Evaluation)


@dataclass
class CleanResult:
    """Warnings and errors raised on undamaged articles."""

    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    by_category: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """All warnings and errors."""
        return sum(self.by_category.values())

    def per_thousand(self, count: int) -> float:
        """``count`` per 1,000 words."""
        return 1000 * count / self.words if self.words else 0.0


@cache
def _rules(select: tuple[str, ...]) -> list[DetectorSpec]:
    """The rules to run (all registered ones when ``select`` is empty), once per process."""
    return select_rules(Config(select=select))


def _score_damaged(job: tuple[int, str, str, float, int, int, tuple[str, ...]]) -> tuple[int, Evaluation]:
    index, text, profile, rate, seed, keep, select = job
    damaged = damage(text, profile, rate, seed + index)
    findings = scan_document(Document.from_text(damaged.text), _rules(select)).findings
    return word_count(damaged.clean), evaluate(damaged.text, damaged.sites, findings, keep)


def _score_clean(job: tuple[str, int, tuple[str, ...]]) -> tuple[int, dict[str, int], dict[str, list[str]]]:
    text, keep, select = job
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for f in loud(scan_document(Document.from_text(text), _rules(select)).findings):
        counts[f.category] = counts.get(f.category, 0) + 1
        if len(examples.setdefault(f.category, [])) < keep:
            examples[f.category].append(f"{f.code} {context(text, f.span.start, f.span.end)}")
    return word_count(text), counts, examples


def _map(func: Any, jobs: Sequence[Any], workers: int) -> Iterator[Any]:
    if workers <= 1:
        yield from map(func, jobs)
        return
    with get_context("fork").Pool(workers) as pool:
        yield from pool.imap(func, jobs, chunksize=8)


def run_profile(articles: Sequence[dict[str, str]], profile: str, rate: float, workers: int = 2,
                keep: int = 3, seed: int = 0, select: Sequence[str] = ()) -> ProfileResult:
    """Damage every article with ``profile`` (article ``i`` uses seed ``seed + i``) and score it.

    ``select`` limits the rules (codes, prefixes, names or categories; default: all).
    """
    result = ProfileResult(profile, rate)
    started = time.perf_counter()
    jobs = [(i, a["text"], profile, rate, seed, keep, tuple(select)) for i, a in enumerate(articles)]
    for words, ev in _map(_score_damaged, jobs, workers):
        result.articles += 1
        result.words += words
        result.evaluation.merge(ev, keep)
    result.seconds = time.perf_counter() - started
    return result


def run_clean(articles: Sequence[dict[str, str]], workers: int = 2, keep: int = 3,
              select: Sequence[str] = ()) -> CleanResult:
    """Scan the undamaged articles: every warning or error there is a false alarm."""
    result = CleanResult()
    started = time.perf_counter()
    jobs = [(a["text"], keep, tuple(select)) for a in articles]
    for words, counts, examples in _map(_score_clean, jobs, workers):
        result.articles += 1
        result.words += words
        for category, n in counts.items():
            result.by_category[category] = result.by_category.get(category, 0) + n
        for category, found in examples.items():
            room = keep - len(result.examples.setdefault(category, []))
            result.examples[category].extend(found[:max(room, 0)])
    result.seconds = time.perf_counter() - started
    return result


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _verdict(value: float | None, target: float | None, higher: bool = True) -> str:
    if value is None or target is None:
        return ""
    ok = value >= target if higher else value <= target
    return "ok" if ok else "BELOW" if higher else "ABOVE"


_SUBGROUP_LABELS = {"rare": "  damaged not a common word", "common": "  damaged is a common word"}


def _rows(ev: Evaluation) -> Iterator[tuple[str, Counts]]:
    for category in CATEGORIES:
        if category in ev.counts:
            yield category, ev.counts[category]
            if category in SPLIT_CATEGORIES:
                for sub in ("rare", "common"):
                    key = f"{category}/{sub}"
                    if key in ev.counts:
                        yield key, ev.counts[key]


def format_profile(result: ProfileResult, examples: int = 3, only: str | None = None) -> str:
    """The per-category table of one profile, with targets and example misses and false alarms."""
    speed = result.words / result.seconds if result.seconds else 0.0
    lines = [f"== profile {result.profile} (rate {result.rate}): {result.articles} articles, "
             f"{result.words:,} words, {result.seconds:.1f} s, {speed:,.0f} words/s",
             f"{'category':<29}{'sites':>7}{'detected':>9}{'recall':>8}{'target':>14}"
             f"{'findings':>9}{'true':>7}{'precision':>10}{'target':>14}"]
    for key, c in _rows(result.evaluation):
        label = key if "/" not in key else _SUBGROUP_LABELS[key.split("/")[1]]
        if not c.sites:  # nothing of this category was damaged: every finding is a false alarm
            lines.append(f"{label:<29}{0:>7}{'':>9}{'-':>8}{'':>14}  no sites ({c.findings} findings = false alarms)")
            continue
        r_target = RECALL_TARGETS.get(key)
        r_cell = f"≥{r_target:.2f} {_verdict(c.recall, r_target)}" if r_target else ""
        p_cell = "" if "/" in key else f"≥{PRECISION_TARGET:.2f} {_verdict(c.precision, PRECISION_TARGET)}"
        findings = "" if "/" in key else f"{c.findings:>9}{c.true:>7}{_fmt(c.precision):>10}"
        lines.append(f"{label:<29}{c.sites:>7}{c.detected:>9}{_fmt(c.recall):>8}{r_cell:>14}"
                     + (findings or " " * 26) + f"{p_cell:>14}")
    ev = result.evaluation
    lines.append(format_info(ev, result.words))
    for category in CATEGORIES:
        if only and category != only:
            continue
        for title, store in (("misses", ev.misses), ("false alarms", ev.false_alarms)):
            found = store.get(category, [])[:examples]
            if found:
                lines.append(f"-- {category}: example {title}")
                lines.extend(f"   {e}" for e in found)
    return "\n".join(lines)


def format_info(ev: Evaluation, words: int) -> str:
    """The info findings of a profile (not scored): total and per category, per 1,000 words.

    >>> ev = Evaluation(info={"style": Counts(findings=4), "whitespace": Counts(findings=1, true=1)})
    >>> format_info(ev, 2000)
    'info findings (not scored): 5 = 2.500 per 1,000 words; whitespace 1 (0.500, 1 at a site), style 4 (2.000)'
    """
    def per_thousand(n: int) -> float:
        return 1000 * n / words if words else 0.0

    parts = []
    for category in CATEGORIES:
        c = ev.info.get(category)
        if c and c.findings:
            at_site = f", {c.true} at a site" if c.true else ""
            parts.append(f"{category} {c.findings} ({per_thousand(c.findings):.3f}{at_site})")
    total = ev.info_total
    return (f"info findings (not scored): {total} = {per_thousand(total):.3f} per 1,000 words"
            + ("; " + ", ".join(parts) if parts else ""))


def format_clean(result: CleanResult, examples: int = 3, only: str | None = None) -> str:
    """False alarms (warnings + errors) per 1,000 words on undamaged text, overall and per category."""
    rate = result.per_thousand(result.total)
    lines = [f"== undamaged articles: {result.articles} articles, {result.words:,} words, {result.seconds:.1f} s",
             f"warnings+errors: {result.total} = {rate:.3f} per 1,000 words "
             f"(target ≤{FALSE_ALARM_TARGET}) {_verdict(rate, FALSE_ALARM_TARGET, higher=False)}"]
    for category in CATEGORIES:
        n = result.by_category.get(category, 0)
        if n:
            lines.append(f"  {category:<25}{n:>7}{result.per_thousand(n):>9.3f} per 1,000 words")
    for category in CATEGORIES:
        if only and category != only:
            continue
        found = result.examples.get(category, [])[:examples]
        if found:
            lines.append(f"-- {category}: example false alarms on clean text")
            lines.extend(f"   {e}" for e in found)
    return "\n".join(lines)


def format_summary(results: Sequence[ProfileResult], clean: CleanResult | None) -> str:
    """One line per profile and damaged category: recall and precision against their targets."""
    lines = ["== summary (recall / precision of each profile's own damage)",
             f"{'profile':<13}{'category':<29}{'sites':>7}{'recall':>8}{'precision':>10}  verdict"]
    for r in results:
        for key, c in _rows(r.evaluation):
            if not c.sites:
                continue
            r_target = RECALL_TARGETS.get(key)
            p_target = None if "/" in key else PRECISION_TARGET
            verdicts = [v for v in (_verdict(c.recall, r_target), _verdict(c.precision, p_target)) if v]
            label = key if "/" not in key else _SUBGROUP_LABELS[key.split("/")[1]]
            precision = "" if "/" in key else _fmt(c.precision)
            verdict = "BELOW" if "BELOW" in verdicts else "ok" if verdicts else ""
            if "/" not in key and not c.findings:
                verdict = "no findings (no detector yet?)"
            lines.append(f"{r.profile:<13}{label:<29}{c.sites:>7}{_fmt(c.recall):>8}{precision:>10}  {verdict}")
    if clean is not None:
        rate = clean.per_thousand(clean.total)
        lines.append(f"{'undamaged':<13}{'warnings+errors /1,000 words':<29}{'':>7}{rate:>8.3f}{'':>10}  "
                     + _verdict(rate, FALSE_ALARM_TARGET, higher=False))
    return "\n".join(lines)


def to_json(results: Sequence[ProfileResult], clean: CleanResult | None,
            select: Sequence[str] = ()) -> dict[str, Any]:
    """A JSON-ready summary of a benchmark run."""
    def counts(c: Counts) -> dict[str, Any]:
        return {"sites": c.sites, "detected": c.detected, "recall": c.recall,
                "findings": c.findings, "true": c.true, "precision": c.precision}

    out: dict[str, Any] = {"rules": list(select) or "all", "profiles": {}}
    for r in results:
        out["profiles"][r.profile] = {
            "rate": r.rate, "articles": r.articles, "words": r.words, "seconds": round(r.seconds, 2),
            "categories": {k: counts(c) for k, c in _rows(r.evaluation)},
            "info": {k: {"findings": c.findings, "at_site": c.true,
                         "per_thousand_words": 1000 * c.findings / r.words if r.words else 0.0}
                     for k, c in sorted(r.evaluation.info.items())},
            "misses": r.evaluation.misses, "false_alarms": r.evaluation.false_alarms}
    if clean is not None:
        out["clean"] = {"articles": clean.articles, "words": clean.words, "seconds": round(clean.seconds, 2),
                        "per_thousand_words": clean.per_thousand(clean.total),
                        "by_category": {k: {"count": n, "per_thousand_words": clean.per_thousand(n)}
                                        for k, n in sorted(clean.by_category.items())}}
    out["targets"] = {"recall": RECALL_TARGETS, "precision": PRECISION_TARGET,
                      "false_alarms_per_thousand_words": FALSE_ALARM_TARGET}
    return out


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` atomically: a temporary file in the same folder, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see --help)\n")


def held_out_half(articles: Sequence[dict[str, str]], half: str) -> list[dict[str, str]]:
    """The articles whose id ends in an odd (or even) number: the derived data files read only even ones.

    >>> [a["id"] for a in held_out_half([{"id": "news-1"}, {"id": "news-2"}], "odd")]
    ['news-1']
    """
    def number(article: dict[str, str]) -> int:
        tail = article["id"].rsplit("-", 1)[-1]
        if not tail.isdigit():
            raise ValueError(f"article id {article['id']!r} does not end in -NUMBER")
        return int(tail)

    return [a for a in articles if number(a) % 2 == (half == "odd")]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = _Parser(prog="python -m benchmarks.quality", description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--profile", action="append", choices=[*PROFILES, "all"],
                   help="damage profile (repeatable; default 'all': seed, listed, then each class alone)")
    p.add_argument("--rate", type=float, help=f"share of eligible tokens damaged (default: seed and listed 1.0, others {MILD_RATE})")
    p.add_argument("--seed", type=int, default=0, help="base random seed (article i uses seed+i)")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    p.add_argument("--category", choices=CATEGORIES, help="show examples only for this category")
    p.add_argument("--examples", type=int, default=3, help="example misses / false alarms per category")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--corpus", type=Path, help="JSONL corpus (default: the shared news corpus)")
    p.add_argument("--half", choices=("odd", "even"),
                   help="only articles whose id number is odd (held out from the derived data files) or even")
    p.add_argument("--select", default="", help="only these rules: codes, prefixes, names or categories, "
                   "comma-separated (e.g. RK2,missing-hyphen; default: all)")
    p.add_argument("--no-clean", action="store_true", help="skip the false-alarm run on undamaged articles")
    args = p.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        p.error("--limit must be at least 1")
    if args.rate is not None and not 0 <= args.rate <= 1:
        p.error("--rate must be between 0 and 1")
    if args.json is not None and not args.json.parent.is_dir():
        p.error(f"--json: folder {args.json.parent} does not exist")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the tables; 2 on bad input."""
    args = parse_args(argv)
    select = tuple(s.strip() for s in args.select.split(",") if s.strip())
    try:
        _rules(select)
    except ValueError as exc:
        print(f"error: --select: {exc}", file=sys.stderr)
        return 2
    try:
        articles = load_corpus(args.corpus, args.limit)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read the corpus: {exc}", file=sys.stderr)
        return 2
    if args.half:
        try:
            articles = held_out_half(articles, args.half)
        except ValueError as exc:
            print(f"error: --half: {exc}", file=sys.stderr)
            return 2
    profiles = args.profile or ["all"]
    if "all" in profiles:
        profiles = list(PROFILES)
    keep = max(args.examples, 3)
    results = []
    for profile in dict.fromkeys(profiles):
        rate = args.rate if args.rate is not None else (1.0 if profile in FULL_PROFILES else MILD_RATE)
        result = run_profile(articles, profile, rate, args.workers, keep, args.seed, select)
        results.append(result)
        print(format_profile(result, args.examples, args.category), flush=True)
        print()
    clean = None if args.no_clean else run_clean(articles, args.workers, keep, select)
    if clean is not None:
        print(format_clean(clean, args.examples, args.category))
    print()
    print(format_summary(results, clean))
    total = sum(r.seconds for r in results) + (clean.seconds if clean else 0.0)
    words = sum(r.words for r in results) + (clean.words if clean else 0)
    print(f"\nelapsed {total:.1f} s, {words / total if total else 0:,.0f} words/s scanned ({args.workers} workers)")
    if args.json:
        try:
            write_json(args.json, to_json(results, clean, select))
        except OSError as exc:
            print(f"error: cannot write {args.json}: {exc.strerror}", file=sys.stderr)
            return 2
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
