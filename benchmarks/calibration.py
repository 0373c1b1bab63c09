"""Calibration benchmark: the measured precision of every reading, written to ``data/calibration.tsv``.

``python -m benchmarks.calibration --write`` scans articles of the EVEN halves of both corpora
(``--limit`` per corpus) damaged with several profiles of :mod:`benchmarks.damage` (the seed's
exact damage, the listed mix, and each damage class alone at rate 0.5, one per article in turn),
the same articles undamaged, with invisible characters (zero-width and soft hyphens, no-break spaces, control
characters) put inside words, terminal colour codes between them and some curly apostrophes
replaced by U+0019 (their high byte dropped), with the space between two words taken out here and there
(what an extractor does at a lost line break or tag), and *crawled* (:func:`with_crawl`: sentences glued
across a lost space or paragraph break, "night.The", and page furniture and markup leaks put between
the paragraphs, in the crawler benchmark's held-out phrasing). Each suggestion that has a
value is judged against the undamaged original: it is right when applying it brings the text
around it (40 characters either side) closer to the original (Levenshtein distance, RapidFuzz);
every change on undamaged text is wrong (in a crawled text whitespace runs compare as one space: a
space or a paragraph break both part two glued sentences). Per reading (and score band) it counts right / all,
and writes the precision, the sample, and the confidence a rule gets: the lower end of the 95%
Wilson interval, rounded down to two decimals.

``python -m benchmarks.calibration --half odd`` measures the held-out ODD halves instead and
prints, per reading, the shipped confidence beside the held-out precision: a reading whose
held-out precision falls below its confidence by more than 5 points, or a safe-capable row whose
held-out precision is below 0.98, is listed as a miss.

>>> judge("a b", "a-b", [(1, 2, "-")]), judge("a-b", "a-b", [(1, 2, " ")])
([True], [False])
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from benchmarks.crawler import PHRASINGS
from benchmarks.damage import PROFILES, damage
from benchmarks.quality import parallel_map
from benchmarks.sources import held_out_half, load_articles
from repairkit import calibration
from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules
from repairkit.registry import all_detectors

TABLE = Path(__file__).resolve().parent.parent / "repairkit" / "data" / "calibration.tsv"
WINDOW = 40
#: The mild profiles, one per article in turn, after the two full ones.
MILD = tuple(p for p in PROFILES if p not in ("seed", "listed", "mojibake"))
MILD_RATE = 0.5
#: Invisible characters put inside words (what a scraped page carries), and what they are.
INVISIBLES = ("\u200b", "\u00ad", "\u2060", "\u00a0", "\x07", "\x1b", "\x7f")
ESCAPES = ("\x1b[1m", "\x1b[0m", "\x1b[31m", "\x1b[2K")
#: A miss: held-out precision this far under the shipped confidence.
TOLERANCE = 0.05


#: Typographic variants a repair may choose either way: a straight apostrophe for a curly one.
TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                             "\u00a0": " "})


def judge(damaged: str, clean: str, edits: Sequence[tuple[int, int, str]],
          to_clean: Callable[[int], int] | None = None, loose_space: bool = False) -> list[bool]:
    """For each edit ``(start, end, replacement)`` of ``damaged``: does it bring the text closer to ``clean``?

    Typographic variants count as equal (``don't`` restores ``don’t``); with ``loose_space`` a run of
    whitespace counts as one space (``night. The`` restores ``night.\\n\\nThe``).

    >>> judge("night.The", "night.\\n\\nThe", [(6, 6, " ")]), judge("night.The", "night.\\n\\nThe", [(6, 6, " ")], loose_space=True)
    ([False], [True])
    """
    mapping = to_clean or (lambda i: i)

    def norm(text: str) -> str:
        text = text.translate(TYPOGRAPHIC)
        return " ".join(text.split()) if loose_space else text

    verdicts = []
    for start, end, replacement in edits:
        a, b = max(0, start - WINDOW), min(len(damaged), end + WINDOW)
        truth = norm(clean[mapping(a):mapping(b)])
        before = norm(damaged[a:b])
        after = norm(damaged[a:start] + replacement + damaged[end:b])
        verdicts.append(Levenshtein.distance(after, truth) < Levenshtein.distance(before, truth))
    return verdicts


def with_glued(text: str, seed: int) -> tuple[str, list[int]]:
    """``text`` with the space between two words taken out at about one word in 25 (lost line breaks, tags).

    >>> glued, origin = with_glued("alpha beta gamma " * 30, 3)
    >>> len(glued) < len("alpha beta gamma " * 30), len(origin) == len(glued) + 1
    (True, True)
    """
    rng = random.Random(seed)
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() \
                and rng.random() < 0.04:
            continue
        out.append(ch)
        origin.append(i)
    origin.append(len(text))
    return "".join(out), origin


#: The furniture and leaks a crawled text gets, in the phrasing the detectors were not developed on.
CRAWL_PHRASING = PHRASINGS["heldout"]
#: Share of sentence junctions glued: within a paragraph (". The" -> ".The"), and across a paragraph break.
GLUE_SENTENCE, GLUE_PARAGRAPH = 0.25, 0.4
_JUNCTION = re.compile(r"(?<=[a-z0-9][.!?])(?: |\n\n)(?=[A-Z][a-z])")


def with_crawl(text: str, seed: int) -> tuple[str, list[int]]:
    """``text`` as a careless extractor returns it: glued sentences, furniture and leaks added; offsets map back.

    A menu (four to six items, one per line) before the text, a share or subscribe line and a leak between
    two paragraphs, a comment form after the text; some sentence junctions lose their space or paragraph
    break ("night.The").

    >>> crawled, origin = with_crawl("One day it rained. Then it stopped.\\n\\nThe end came. It was late.", 4)
    >>> len(origin) == len(crawled) + 1, crawled.count("\\n") > 2
    (True, True)
    """
    rng = random.Random(seed)
    out: list[str] = []
    origin: list[int] = []

    def insert(chunk: str, at: int) -> None:
        out.append(chunk)
        origin.extend([at] * len(chunk))

    phr = CRAWL_PHRASING
    insert("\n".join(rng.sample(phr["nav"], rng.randint(4, 6))) + "\n\n", 0)
    breaks = [m.start() for m in re.finditer(r"\n\n", text)]
    furniture_at = rng.choice(breaks) if breaks else None
    leak_at = rng.choice(breaks) if len(breaks) > 1 else None
    glued = {m.start(): m.end() for m in _JUNCTION.finditer(text)
             if rng.random() < (GLUE_PARAGRAPH if m.group() == "\n\n" else GLUE_SENTENCE)}
    i = 0
    while i < len(text):
        if i in glued:
            i = glued[i]
            continue
        if i == furniture_at:
            insert("\n\n" + rng.choice(phr["share"] + phr["subscribe"]), i)
        if i == leak_at:
            insert("\n\n" + rng.choice(phr["leaks"]), i)
        out.append(text[i])
        origin.append(i)
        i += 1
    insert("\n\n" + "\n".join(rng.sample(phr["comments"], 3)), len(text))
    origin.append(len(text))
    return "".join(out), origin


def with_invisibles(text: str, seed: int) -> tuple[str, list[int]]:
    """``text`` with one invisible character inside every 40th word; the offsets map back.

    >>> damaged, origin = with_invisibles("alpha beta " * 40, 1)
    >>> len(damaged) > 440, len(origin) == len(damaged) + 1
    (True, True)
    """
    rng = random.Random(seed)
    out: list[str] = []
    origin: list[int] = []
    words = 0
    for i, ch in enumerate(text):
        if ch == "’" and rng.random() < 0.2:  # UTF-16 text whose high bytes a conversion dropped
            out.append("\x19")
            origin.append(i)
            continue
        out.append(ch)
        origin.append(i)
        if ch == " " and rng.random() < 0.005:  # a console log's colour codes
            for code in ESCAPES[rng.randrange(len(ESCAPES))]:
                out.append(code)
                origin.append(i + 1)
        if ch.isalpha() and i + 1 < len(text) and text[i + 1].isalpha():
            if i == 0 or not text[i - 1].isalpha():
                words += 1
                if words % 40 == 0:
                    out.append(rng.choice(INVISIBLES))
                    origin.append(i + 1)
    origin.append(len(text))
    return "".join(out), origin


@cache
def _rules() -> Any:
    """All registered rules, selected once per process."""
    return select_rules(Config())


def _suggestions(text: str) -> list[tuple[int, int, str, str]]:
    findings = scan_document(Document.from_text(text), _rules()).findings
    return [(s.span.start, s.span.end, s.replacement, s.reading) for f in findings for s in f.suggestions
            if s.replacement is not None and s.reading]


def _score(job: tuple[int, str, str]) -> Counter[tuple[str, bool]]:
    index, text, profile = job
    counts: Counter[tuple[str, bool]] = Counter()
    if profile == "clean":
        found = _suggestions(text)
        counts.update((r, False) for *_, r in found)
        return counts
    if profile in ("invisible", "glued", "crawled"):
        damaged_text, origin = {"invisible": with_invisibles, "glued": with_glued, "crawled": with_crawl}[profile](
            text, index)
        found = _suggestions(damaged_text)
        verdicts = judge(damaged_text, text, [(a, b, r) for a, b, r, _ in found], origin.__getitem__,
                         loose_space=profile == "crawled")
    else:
        d = damage(text, profile, 1.0 if profile in ("seed", "listed") else MILD_RATE, index)
        damaged_text = d.text
        found = _suggestions(damaged_text)
        verdicts = judge(damaged_text, d.clean, [(a, b, r) for a, b, r, _ in found], d.to_clean_offset)
    counts.update((reading, ok) for (*_, reading), ok in zip(found, verdicts, strict=True))
    return counts


def measure(articles: Sequence[dict[str, str]], workers: int) -> Counter[tuple[str, bool]]:
    """Right / wrong counts per reading row over ``articles`` damaged, undamaged and with invisibles."""
    jobs: list[tuple[int, str, str]] = []
    for i, article in enumerate(articles):
        text = article["text"]
        jobs += [(i, text, "seed"), (i, text, "listed"), (i, text, MILD[i % len(MILD)]), (i, text, "clean"),
                 (i, text, "invisible"), (i, text, "glued"), (i, text, "crawled")]
        if i % 4 == 0:
            jobs.append((i, text, "mojibake"))
    total: Counter[tuple[str, bool]] = Counter()
    for counts in parallel_map(_score, jobs, workers, chunksize=4):
        total.update(counts)
    return total


def rows(counts: Counter[tuple[str, bool]], benchmark: str, date: datetime.date) -> list[str]:
    """Table lines for every declared reading (a row per band of a scored one), measured or not."""
    all_detectors()  # declares every rule's readings
    lines = []
    for name, scored in sorted(calibration.declared().items()):
        if name.startswith("RK000."):
            continue  # the doctest's example
        for row_id in calibration.row_ids(name, scored):
            right, sample = counts[(row_id, True)], counts[(row_id, True)] + counts[(row_id, False)]
            precision = right / sample if sample else 0.0
            confidence = math.floor(calibration.wilson_lower(right, sample) * 100) / 100
            lines.append(f"{row_id}\t{confidence:.2f}\t{precision:.4f}\t{sample}\t{benchmark}\t{date.isoformat()}")
    return sorted(lines)


def report(counts: Counter[tuple[str, bool]], shipped: dict[str, calibration.Row]) -> tuple[str, int]:
    """Per row: shipped confidence, held-out precision and sample; and the number of misses."""
    out = [f"{'reading':36} {'shipped':>8} {'held-out':>9} {'sample':>7}"]
    misses = 0
    for row_id, row in sorted(shipped.items()):
        right, sample = counts[(row_id, True)], counts[(row_id, True)] + counts[(row_id, False)]
        if not sample:
            continue
        precision = right / sample
        miss = (sample >= 30 and precision < row.confidence - TOLERANCE) or \
               (row.precision >= calibration.SAFE_PRECISION and sample >= 30 and precision < calibration.SAFE_PRECISION)
        misses += miss
        out.append(f"{row_id:36} {row.confidence:8.2f} {precision:9.3f} {sample:7d}{'  MISS' if miss else ''}")
    return "\n".join(out), misses


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("even", "odd"), default="even")
    parser.add_argument("--limit", type=int, default=300, help="articles per corpus (after taking the half)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="write data/calibration.tsv (even half only)")
    args = parser.parse_args(argv)
    if args.write and args.half != "even":
        parser.error("--write measures on the even half; the odd half is the report")
    articles = []
    for corpus in ("news", "speeches"):
        articles += held_out_half(load_articles(corpus), args.half)[:args.limit]
    started = time.perf_counter()
    counts = measure(articles, args.workers)
    seconds = time.perf_counter() - started
    print(f"{len(articles)} articles ({args.half} halves of news and speeches, up to {args.limit} each), "
          f"{sum(counts.values())} suggestions judged in {seconds:.0f} s")
    if args.write:
        header = [calibration.HEADER,
                  f"# measured by python -m benchmarks.calibration --write --limit {args.limit}: {len(articles)} "
                  "articles of the even halves of news.jsonl and speeches.jsonl, damaged (seed, listed, one "
                  "mild class), undamaged, with invisible characters, with glued words, crawled; confidence = 95% Wilson lower bound",
                  "# " + "\t".join(calibration.COLUMNS)]
        TABLE.write_text("\n".join(header + rows(counts, "benchmarks.calibration", datetime.date.today())) + "\n",
                         encoding="utf-8")
        print(f"wrote {TABLE}")
        return 0
    text, misses = report(counts, dict(calibration.table()))
    print(text)
    print(f"{misses} reading(s) miss on the {args.half} half")
    return 0


if __name__ == "__main__":
    sys.exit(main())
