"""Throughput benchmark: scan speed beside a regex pass, codespell and hunspell; start-up; linear time.

    python -m benchmarks.throughput [--quick] [--profile] [--runs N] [--only SECTION,...]

Needs the ``benchmark`` extra (``pip install -e '.[benchmark]'``: codespell, pyinstrument)
and, for the hunspell column, the Debian packages ``hunspell`` and ``hunspell-en-us``; a
missing tool is reported as such and its column left empty. Every figure is the median of
``--runs`` runs (default 5; ``--version`` and the fixture scan 10), each a new process, with
the range (min-max) beside it; the tools are interleaved run by run, so a busy spell of the
shared machine hits all of them alike. Sections:

1. **throughput**: ``repairkit scan --format json FILE`` (no reference), process start
   included, on ~1.5 MB of seed-damaged news (one text file, one article per paragraph: the
   seed damage merges each article's paragraphs into one line), the same articles clean, and
   the same for the speeches corpus; beside it, in the same run and on the same file, one
   compiled-regex tokenisation pass (``re.compile(r"\\w+|[^\\w\\s]").findall`` over the decoded
   text, in a fresh ``python -c``), ``codespell FILE`` and ``hunspell -l -d en_US FILE``, and
   the ratios (repairkit's median over the tool's; the range is that of the run-by-run ratios).
2. **startup**: ``repairkit --version`` and ``repairkit scan fixtures/scraped_commentary.txt``.
3. **linear**: pathological texts (runs of punctuation, spaces, digits, a repeated word, one
   long line of words, and seed-damaged news on a single line) at N and 4N characters, scanned
   in a fresh process after a warm-up scan of the fixture (so the constant start-up does not
   hide a superlinear scan; see :mod:`benchmarks.throughput_worker`); the 4N/N ratio, and the
   wall time (process start included) of the 1.2 MB single line. A run past ``--timeout`` is
   killed and reported as a timeout.
4. **reference**: ~50 damaged articles, each scanned without and with its clean article as
   ``--reference`` (in one warmed-up process); the share of the time spent in the reference stage,
   (with - without) / with, summed over the articles.
5. ``--profile``: a pyinstrument profile of ``repairkit scan --format json`` on the damaged news
   file: the top frames by own time and by total time.

The targets (issue 10) stand beside each figure with ``ok`` or ``MISS``. The timed processes
run without ``PYTHONDONTWRITEBYTECODE`` and after one untimed scan, so they start from the
byte-code cache, as an installed ``repairkit`` does.

>>> len(pathological("digits", 200)), pathological("spaces", 120).count("   ") > 10
(200, True)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from benchmarks.damage import damage, load_corpus

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "fixtures" / "scraped_commentary.txt"
#: The shared corpora: ``shared/`` beside the clone (CI, /work/main) or the worktree.
CORPUS_DIR = next((p for p in (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()),
                  REPO.parent / "shared" / "corpus")
NEWS = CORPUS_DIR / "news.jsonl"
SPEECHES = CORPUS_DIR / "speeches.jsonl"
#: The damage seed (the seed profile strips everything, so the seed changes nothing today).
SEED = 0
TOKEN_PATTERN = r"\w+|[^\w\s]"
#: One compiled-regex tokenisation pass over the decoded file, the yardstick of the throughput target.
REGEX_PASS = ("import re, sys\n"
              "text = open(sys.argv[1], encoding='utf-8').read()\n"
              f"re.compile(r{TOKEN_PATTERN!r}).findall(text)\n")

# Targets of issue 10.
TARGET_REGEX_RATIO = 10.0
STRETCH_REGEX_RATIO = 5.0
TARGET_VERSION_S = 0.150
TARGET_FIXTURE_S = 0.4
TARGET_LINEAR_RATIO = 4.5
TARGET_SINGLE_LINE_S = 3.0
TARGET_REFERENCE_SHARE = 0.10

#: The environment of every timed process: this one's, less ``PYTHONDONTWRITEBYTECODE``. With it set
#: (some sandboxes and CI images set it), an editable install compiles every module from source at
#: each start, which a user's install does once; :func:`warm_up` writes the byte-code first.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

PATHOLOGICAL_KINDS = ("punctuation", "spaces", "digits", "repeated-word", "long-line")
_RUN_UNITS = {"punctuation": ".,;:!?-'\"()", "spaces": " ", "digits": "0123456789", "repeated-word": "the "}
_HEAD = "The report came out on Monday. It said: "
_TAIL = " That was all."
_WORDS = ("the", "market", "said", "government", "would", "year", "people", "new", "first", "last",
          "company", "shares", "minister", "growth", "film", "record", "players", "match", "plans",
          "after", "before", "because", "however", "and", "but", "with", "from", "into", "over", "under")


@dataclass(frozen=True)
class Sizes:
    """How big the inputs are: the full run or ``--quick``."""

    corpus_bytes: int
    linear_n: int
    single_line_n: int
    reference_articles: int
    startup_runs: int


FULL = Sizes(corpus_bytes=1_500_000, linear_n=50_000, single_line_n=300_000, reference_articles=50,
             startup_runs=10)
QUICK = Sizes(corpus_bytes=150_000, linear_n=5_000, single_line_n=30_000, reference_articles=10,
              startup_runs=5)


# ---------------------------------------------------------------- inputs

@dataclass(frozen=True)
class CorpusSample:
    """The first articles of a corpus, clean and seed-damaged, one article per paragraph."""

    name: str
    articles: tuple[str, ...]
    damaged_articles: tuple[str, ...]

    @property
    def clean(self) -> str:
        """The clean articles, a blank line between them (each keeps its own paragraphs)."""
        return "\n\n".join(self.articles) + "\n"

    @property
    def damaged(self) -> str:
        """The damaged articles, a blank line between them (each is one line: seed damage merges paragraphs)."""
        return "\n\n".join(self.damaged_articles) + "\n"


def corpus_sample(path: Path, target_bytes: int, name: str) -> CorpusSample:
    """The fewest first articles of ``path`` whose damaged file reaches ``target_bytes`` (UTF-8).

    If the corpus is smaller, all of it.
    """
    articles: list[str] = []
    damaged: list[str] = []
    size = 0
    for article in load_corpus(path):
        text = article["text"].strip()
        if not text:
            continue
        hurt = damage(text, "listed", seed=SEED).text.strip()
        articles.append(text)
        damaged.append(hurt)
        size += len(hurt.encode("utf-8")) + 2
        if size >= target_bytes:
            break
    return CorpusSample(name, tuple(articles), tuple(damaged))


def _cycle(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def pathological(kind: str, size: int) -> str:
    """A text of exactly ``size`` characters, pathological in one way.

    ``punctuation``, ``spaces``, ``digits``, ``repeated-word``: a sentence, then one run of that
    kind as long as the rest allows (so the run grows with the size), then a short sentence.
    ``long-line``: sentences of common words on one line, no line break at all.

    >>> pathological("punctuation", 60)
    'The report came out on Monday. It said: .,;:!? That was all.'
    >>> "\\n" in pathological("long-line", 500), len(pathological("long-line", 500))
    (False, 500)
    """
    if kind == "long-line":
        rng = random.Random(SEED)
        sentences: list[str] = []
        length = 0
        while length < size:
            words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 18))]
            sentence = " ".join(words).capitalize() + rng.choice((".", ".", ",", ";")) + " "
            sentences.append(sentence)
            length += len(sentence)
        return "".join(sentences)[:size]
    if kind not in _RUN_UNITS:
        raise ValueError(f"unknown kind {kind!r} (choose from {', '.join(PATHOLOGICAL_KINDS)})")
    run = size - len(_HEAD) - len(_TAIL)
    if run < 1:
        raise ValueError(f"size {size} too small for a {kind} run (at least {len(_HEAD) + len(_TAIL) + 1})")
    return _HEAD + _cycle(_RUN_UNITS[kind], run) + _TAIL


def single_line(text: str, size: int) -> str:
    """``text`` with every line break and the space around it made one space, repeated to ``size`` characters.

    >>> single_line("One two.\\n\\nThree.\\n", 30)
    'One two. Three. One two. Three'
    """
    flat = re.sub(r"\s*\n\s*", " ", text).strip() + " "
    if not flat.strip():
        raise ValueError("no text to repeat")
    return _cycle(flat, size)


def reference_pairs(corpus: Path, count: int, tmp: Path) -> list[list[str]]:
    """``count`` articles spread evenly over the corpus, written as (damaged, clean) file pairs."""
    articles = [a for a in load_corpus(corpus) if a["text"].strip()]
    step = max(1, len(articles) // count)
    pairs = []
    for i, article in enumerate(articles[::step][:count]):
        text = article["text"].strip() + "\n"
        damaged = write(tmp / f"ref-{i:03d}.txt", damage(text, "listed", seed=SEED).text)
        clean = write(tmp / f"ref-{i:03d}.clean.txt", text)
        pairs.append([str(damaged), str(clean)])
    return pairs


# ---------------------------------------------------------------- measuring

class Timeout(Exception):
    """A run went past the time limit and was killed."""


class ToolError(Exception):
    """A run failed (an exit code the tool does not give on success)."""


@dataclass
class Timing:
    """The samples of one measured thing, or why there are none."""

    samples: list[float] = field(default_factory=list)
    timeout: float | None = None
    error: str | None = None

    @property
    def median(self) -> float | None:
        """The median of the samples (None when a run timed out or failed, or none ran)."""
        if self.timeout is not None or self.error or not self.samples:
            return None
        return statistics.median(self.samples)

    @property
    def stopped(self) -> bool:
        """True once a run timed out or failed: no more runs of this one."""
        return self.timeout is not None or self.error is not None

    def measure(self, run: Callable[[], float]) -> None:
        """Add one sample, or record the timeout or the failure."""
        if self.stopped:
            return
        try:
            self.samples.append(run())
        except Timeout as exc:
            self.timeout = float(str(exc))
        except ToolError as exc:
            self.error = f"failed: {exc}"

    def cell(self, scale: float = 1.0, unit: str = "s", digits: int = 2) -> str:
        """``median (min-max)`` in ``unit``; or the timeout or error.

        >>> Timing([1.0, 3.0, 2.0]).cell()
        '2.00 s (1.00–3.00)'
        >>> Timing([0.1], timeout=120.0).cell()
        'timeout (>120 s)'
        """
        if self.timeout is not None:
            return f"timeout (>{self.timeout:g} s)"
        if self.error:
            return self.error
        if not self.samples:
            return "–"
        low, high = min(self.samples) * scale, max(self.samples) * scale
        median = statistics.median(self.samples) * scale
        return f"{median:.{digits}f} {unit} ({low:.{digits}f}–{high:.{digits}f})"


def run_process(cmd: Sequence[str], timeout: float, ok_codes: Iterable[int] = (0,),
                cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``cmd``; its wall seconds (process start included) and its stdout.

    Raises :class:`Timeout` (message: the limit) or :class:`ToolError` (the exit code and the
    first line of stderr).
    """
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              cwd=cwd, env=USER_ENV if env is None else env, check=False)
    except subprocess.TimeoutExpired:
        raise Timeout(str(timeout)) from None
    seconds = time.perf_counter() - start
    if done.returncode not in tuple(ok_codes):
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ToolError(f"exit {done.returncode}: {lines[-1] if lines else 'no message'}")
    return seconds, done.stdout.decode("utf-8", "replace")


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(cmd: Sequence[str], timeout: float, ok_codes: Iterable[int] = (0,), cwd: Path | None = None,
         cpu: Timing | None = None, env: Callable[[], dict[str, str]] | None = None) -> Callable[[], float]:
    """A run to hand to :meth:`Timing.measure`: the wall seconds of ``cmd``; its CPU seconds
    (user + system) go to ``cpu``. On a shared machine the CPU time is the steadier figure:
    a busy spell stretches the wall time of a run, much less the CPU time it needs.
    ``env``, if given, makes the environment of each run."""
    def run() -> float:
        before = children_cpu()
        seconds = run_process(cmd, timeout, ok_codes, cwd, env() if env else None)[0]
        if cpu is not None:
            cpu.samples.append(children_cpu() - before)
        return seconds
    return run


def repairkit_command() -> list[str]:
    """The ``repairkit`` a user runs: the script beside this Python, else the one on PATH, else ``-m``."""
    beside = Path(sys.executable).with_name("repairkit")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("repairkit")
    return [found] if found else [sys.executable, "-m", "repairkit"]


@dataclass(frozen=True)
class Tool:
    """A command that reads one file path as its last argument."""

    name: str
    command: tuple[str, ...]
    ok_codes: frozenset[int]
    missing: str | None = None

    def on(self, path: Path) -> list[str]:
        """The command line for ``path``."""
        return [*self.command, str(path)]


def find_tools(timeout: float, which: Callable[..., str | None] = shutil.which) -> list[Tool]:
    """repairkit, the regex pass, codespell and hunspell; a missing one says why.

    ``which`` finds a program (``shutil.which``; codespell first beside this Python).
    """
    tools = [Tool("repairkit", (*repairkit_command(), "scan", "--format", "json"), frozenset({0, 1})),
             Tool("regex pass", (sys.executable, "-c", REGEX_PASS), frozenset({0}))]
    codespell_cmd = which("codespell", path=str(Path(sys.executable).parent)) or which("codespell")
    tools.append(Tool("codespell", (codespell_cmd,) if codespell_cmd else (), frozenset({0, 65}),
                      None if codespell_cmd else "not installed (pip install -e '.[benchmark]')"))
    hunspell = which("hunspell")
    hunspell_cmd = (hunspell, "-l", "-i", "utf-8", "-d", "en_US") if hunspell else ()
    why = None if hunspell else "not installed (apt-get install hunspell hunspell-en-us)"
    if hunspell:
        try:
            done = subprocess.run(hunspell_cmd, input=b"helo\n", capture_output=True, timeout=timeout, check=False)
            if done.returncode != 0 or b"helo" not in done.stdout:
                why = ("cannot run it with en_US (apt-get install hunspell-en-us): "
                       + done.stderr.decode("utf-8", "replace").strip()[:100])
        except (OSError, subprocess.TimeoutExpired) as exc:
            why = f"cannot run it: {exc}"
    tools.append(Tool("hunspell -l", hunspell_cmd, frozenset({0}), why))
    return tools


def worker(mode: str, target: Path, timeout: float, tmp: Path) -> Callable[[], dict[str, object]]:
    """A run of :mod:`benchmarks.throughput_worker` in a fresh process (warm-up: the fixture)."""
    def run() -> dict[str, object]:
        env = {**USER_ENV, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        _, out = run_process([sys.executable, "-m", "benchmarks.throughput_worker", mode, str(FIXTURE), str(target)],
                             timeout, cwd=tmp, env=env)
        result: dict[str, object] = json.loads(out)
        return result
    return run


# ---------------------------------------------------------------- report helpers

def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table.

    >>> print(table(["a", "b"], [["1", "2"]]))
    | a | b |
    | --- | --- |
    | 1 | 2 |
    """
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(value: float | None, target: float, below: bool = True) -> str:
    """``ok`` when ``value`` meets the target (at most it, or ``below``: under it), ``MISS`` otherwise.

    >>> verdict(3.0, 4.5), verdict(5.0, 4.5), verdict(None, 1.0)
    ('ok', 'MISS', 'n/a')
    """
    if value is None:
        return "n/a"
    return "ok" if (value < target if below else value <= target) else "MISS"


def ratio_cell(numerator: Timing, denominator: Timing) -> tuple[str, float | None]:
    """``median / median`` as ``N×``, with the range of the run-by-run ratios.

    >>> ratio_cell(Timing([10.0, 12.0]), Timing([1.0, 2.0]))
    ('7.33× (6.00–10.0)', 7.333333333333333)
    """
    top, bottom = numerator.median, denominator.median
    if top is None or bottom is None or bottom <= 0:
        return "–", None
    ratios = [a / b for a, b in zip(numerator.samples, denominator.samples, strict=False) if b > 0]
    spread = f" ({_ratio(min(ratios))}–{_ratio(max(ratios))})" if len(ratios) > 1 else ""
    return f"{_ratio(top / bottom)}×{spread}", top / bottom


def _ratio(value: float) -> str:
    """Two decimals under 10, one under 100, none above."""
    return f"{value:.{2 if value < 10 else 1 if value < 100 else 0}f}"


def say(text: str = "") -> None:
    """Print at once (the run is long; figures appear as they are measured)."""
    print(text, flush=True)


# ---------------------------------------------------------------- sections

def section_throughput(files: Sequence[tuple[str, Path]], tools: Sequence[Tool], runs: int, timeout: float) -> None:
    """Scan throughput and its ratios to the regex pass, codespell and hunspell."""
    say("## Throughput: `repairkit scan --format json FILE`, no reference, process start included")
    say()
    for tool in tools:
        if tool.missing:
            say(f"- {tool.name}: MISSING, {tool.missing}; its columns stay empty")
    if any(tool.missing for tool in tools):
        say()
    usable = [t for t in tools if not t.missing]
    timings = {(label, t.name): Timing() for label, _ in files for t in usable}
    cpu = {(label, t.name): Timing() for label, _ in files for t in usable}
    for _ in range(runs):
        for label, path in files:
            for tool in usable:
                timings[label, tool.name].measure(wall(tool.on(path), timeout, tool.ok_codes, cpu=cpu[label, tool.name]))
    others = [t for t in tools if t.name != "repairkit"]
    headers = ["file", "MB", "repairkit", "MB/s"]
    for t in others:
        headers += [t.name, f"× {t.name}"]
    headers += [f"target ≤ {TARGET_REGEX_RATIO:g}× regex (stretch {STRETCH_REGEX_RATIO:g}×)",
                "CPU: repairkit", "CPU: regex pass", "CPU × regex pass"]
    rows = []
    for label, path in files:
        megabytes = path.stat().st_size / 1e6
        rk = timings[label, "repairkit"]
        row = [label, f"{megabytes:.2f}", rk.cell(), f"{megabytes / rk.median:.3f}" if rk.median else "–"]
        regex_ratio = None
        for t in others:
            if t.missing:
                row += ["missing", "–"]
                continue
            other = timings[label, t.name]
            cell, value = ratio_cell(rk, other)
            row += [other.cell(), cell]
            if t.name == "regex pass":
                regex_ratio = value
        stretch = " (stretch ok)" if regex_ratio is not None and regex_ratio <= STRETCH_REGEX_RATIO else ""
        row.append(verdict(regex_ratio, TARGET_REGEX_RATIO, below=False) + stretch)
        rk_cpu, regex_cpu = cpu[label, "repairkit"], cpu.get((label, "regex pass"), Timing())
        cpu_cell, cpu_ratio = ratio_cell(rk_cpu, regex_cpu)
        row += [rk_cpu.cell(), regex_cpu.cell(), f"{cpu_cell}: {verdict(cpu_ratio, TARGET_REGEX_RATIO, below=False)}"]
        rows.append(row)
    say(table(headers, rows))
    say()
    say(f"Times: median (min–max) of {runs} runs; ratios: repairkit's median over the tool's "
        "(range: the run-by-run ratios). The target is on the news rows; speeches are for comparison. "
        "CPU: user + system seconds of the process, the steadier figure when the machine is shared.")
    say()


def section_startup(runs: int, timeout: float, tmp: Path) -> None:
    """``repairkit --version`` and the scan of the 6 KB fixture, wall time."""
    say(f"## Start-up: wall time, median (min–max) of {runs} runs")
    say()
    rk = repairkit_command()
    things = [("`python -c pass` (the interpreter alone, for scale)", [sys.executable, "-c", "pass"], (0,), None),
              ("`repairkit --version`", [*rk, "--version"], (0,), TARGET_VERSION_S),
              (f"`repairkit scan fixtures/{FIXTURE.name}` ({FIXTURE.stat().st_size / 1000:.0f} KB)",
               [*rk, "scan", str(FIXTURE)], (0, 1), TARGET_FIXTURE_S)]
    timings = [Timing() for _ in things]
    cpu = [Timing() for _ in things]
    for _ in range(runs):
        for (_, cmd, codes, _), timing, used in zip(things, timings, cpu, strict=True):
            timing.measure(wall(cmd, timeout, codes, cwd=tmp, cpu=used))
    rows = []
    for (label, _, _, target), timing, used in zip(things, timings, cpu, strict=True):
        median = timing.median
        rows.append([label, timing.cell(1000, "ms", 0),
                     f"< {target * 1000:g} ms: {verdict(median, target)}" if target else "", used.cell(1000, "ms", 0),
                     f"{verdict(used.median, target)}" if target else ""])
    say(table(["command", "wall", "target", "CPU (user + system)", "CPU under the target"], rows))
    say()
    # The word tables load from a cache (repairkit/analysis/wordtable.py); the first start of a
    # machine builds it. Timed here with a new, empty cache folder at every run.
    cold, cold_cpu = Timing(), Timing()
    folders = iter(range(1_000_000))

    def fresh_cache() -> dict[str, str]:
        return {**USER_ENV, "REPAIRKIT_CACHE_DIR": str(tmp / f"cold-cache-{next(folders)}")}

    for _ in range(min(runs, COLD_RUNS)):
        cold.measure(wall([*rk, "scan", str(FIXTURE)], timeout, (0, 1), cwd=tmp, cpu=cold_cpu, env=fresh_cache))
    say(f"The same fixture scan with an empty word-table cache (the first start on a machine builds it): "
        f"wall {cold.cell(1000, 'ms', 0)}, CPU {cold_cpu.cell(1000, 'ms', 0)}, {min(runs, COLD_RUNS)} runs.")
    say()


#: Runs of the fixture scan with an empty cache (each builds the word tables: ~3 s of CPU).
COLD_RUNS = 3


def section_linear(inputs: Sequence[tuple[str, Path, Path]], single_line_4n: Path, runs: int, timeout: float,
                   tmp: Path) -> None:
    """Scan time (start and warm-up excluded) at N and 4N; the single line's wall time."""
    say("## Linear time: scan of N and 4N characters (fresh process, after a warm-up scan of the fixture)")
    say()
    small = {label: Timing() for label, _, _ in inputs}
    large = {label: Timing() for label, _, _ in inputs}
    small_cpu = {label: Timing() for label, _, _ in inputs}
    large_cpu = {label: Timing() for label, _, _ in inputs}
    line_wall, line_cpu = Timing(), Timing()
    rk_cmd = [*repairkit_command(), "scan", "--format", "json", str(single_line_4n)]

    def scan_seconds(path: Path, cpu: Timing) -> Callable[[], float]:
        run = worker("scan", path, timeout, tmp)

        def seconds() -> float:
            result = run()
            cpu.samples.append(float(result["cpu"]))  # type: ignore[arg-type]
            return float(result["seconds"])  # type: ignore[arg-type]
        return seconds

    for _ in range(runs):
        for label, n_path, four_n_path in inputs:
            small[label].measure(scan_seconds(n_path, small_cpu[label]))
            if small[label].stopped:
                large[label].error = large[label].error or "not run (N did not finish)"
            large[label].measure(scan_seconds(four_n_path, large_cpu[label]))
        line_wall.measure(wall(rk_cmd, timeout, (0, 1), cwd=tmp, cpu=line_cpu))
    rows = []
    for label, n_path, four_n_path in inputs:
        n_chars = len(n_path.read_text(encoding="utf-8"))
        four = len(four_n_path.read_text(encoding="utf-8"))
        cell, value = ratio_cell(large[label], small[label])
        cpu_cell, cpu_value = ratio_cell(large_cpu[label], small_cpu[label])
        rows.append([label, f"{n_chars:,}", small[label].cell(), f"{four:,}", large[label].cell(), cell,
                     f"≤ {TARGET_LINEAR_RATIO:g}: {verdict(value, TARGET_LINEAR_RATIO, below=False)}",
                     f"{cpu_cell}: {verdict(cpu_value, TARGET_LINEAR_RATIO, below=False)}"])
    say(table(["input", "N chars", "scan at N", "4N chars", "scan at 4N", "4N / N", "target", "CPU 4N / N"], rows))
    say()
    size = single_line_4n.stat().st_size / 1e6
    say(table(["single line of damaged news", "wall, process start included", "target", "CPU (user + system)"],
              [[f"{size:.2f} MB, `repairkit scan --format json`", line_wall.cell(),
                f"< {TARGET_SINGLE_LINE_S:g} s: {verdict(line_wall.median, TARGET_SINGLE_LINE_S)}",
                f"{line_cpu.cell()}: {verdict(line_cpu.median, TARGET_SINGLE_LINE_S)}"]]))
    say()
    say(f"Scan times: median (min–max) of {runs} runs, in-process, the process start and the warm-up "
        "excluded; a timeout stops further runs of that input.")
    say()


def section_reference(pairs_file: Path, count: int, runs: int, timeout: float, tmp: Path) -> None:
    """The share of the scan time spent on a same-story reference."""
    say(f"## Reference stage: {count} damaged news articles, without and with the clean article as `--reference`")
    say()
    shares = Timing()
    cpu_shares = Timing()
    per_with = Timing()
    per_without = Timing()
    run = worker("reference", pairs_file, timeout, tmp)

    def one_round() -> float:
        result = run()
        with_ref = [float(x) for x in result["with"]]  # type: ignore[attr-defined]
        without = [float(x) for x in result["without"]]  # type: ignore[attr-defined]
        with_cpu = sum(float(x) for x in result["with_cpu"])  # type: ignore[attr-defined]
        without_cpu = sum(float(x) for x in result["without_cpu"])  # type: ignore[attr-defined]
        per_with.samples.append(statistics.median(with_ref))
        per_without.samples.append(statistics.median(without))
        cpu_shares.samples.append((with_cpu - without_cpu) / with_cpu)
        return (sum(with_ref) - sum(without)) / sum(with_ref)

    for _ in range(runs):
        shares.measure(one_round)
    rows = [["median scan per article, without reference", per_without.cell(1000, "ms", 1), ""],
            ["median scan per article, with reference", per_with.cell(1000, "ms", 1), ""],
            ["reference share of the total, (with − without) / with", shares.cell(100, "%", 1),
             f"< {TARGET_REFERENCE_SHARE:.0%}: {verdict(shares.median, TARGET_REFERENCE_SHARE)}"],
            ["the same share in CPU time (user + system)", cpu_shares.cell(100, "%", 1),
             f"< {TARGET_REFERENCE_SHARE:.0%}: {verdict(cpu_shares.median, TARGET_REFERENCE_SHARE)}"]]
    say(table(["", f"median (min–max) of {runs} rounds", "target"], rows))
    say()


@dataclass
class FrameTotals:
    """Own and total seconds of one function over the whole profile."""

    own: float = 0.0
    total: float = 0.0


def frame_totals(root: Any) -> dict[str, FrameTotals]:
    """Own and total time per function of a pyinstrument frame tree (a recursion counted once in the total).

    A frame's own time is its time less that of its real callees (pyinstrument keeps the time
    spent in the frame itself in synthetic ``[self]`` children).
    """
    totals: dict[str, FrameTotals] = {}
    stack: list[tuple[Any, frozenset[str]]] = [(root, frozenset())]
    while stack:
        frame, above = stack.pop()
        key = f"{frame.function}  {frame.file_path_short}:{frame.line_no}"
        real = [c for c in frame.children if not c.is_synthetic]
        entry = totals.setdefault(key, FrameTotals())
        entry.own += frame.time - sum(c.time for c in real)
        if key not in above:
            entry.total += frame.time
        stack.extend((c, above | {key}) for c in real)
    return totals


def section_profile(damaged: Path, timeout: float, tmp: Path, top: int = 25) -> None:
    """A pyinstrument profile of one scan (import and process start included): the top frames."""
    say(f"## Profile: `repairkit scan --format json` of the damaged news file ({damaged.stat().st_size / 1e6:.2f} MB)")
    say()
    try:
        from pyinstrument.session import Session  # noqa: PLC0415 - optional, only --profile needs it
    except ImportError:
        say("pyinstrument MISSING (pip install -e '.[benchmark]'): no profile")
        say()
        return
    out = tmp / "scan.pyisession"
    try:
        seconds, _ = run_process([sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(out),
                                  "-m", "repairkit", "scan", "--format", "json", str(damaged)],
                                 timeout * 3, (0, 1), cwd=tmp)
    except (Timeout, ToolError) as exc:
        say(f"profile run failed: {type(exc).__name__} {exc}")
        return
    session = Session.load(str(out))
    totals = frame_totals(session.root_frame())
    whole = session.duration
    # The profiler's own frames and the entry points every frame sits under (they say 100%).
    skip = ("pyinstrument", "runpy", "<string>:", "click/", "__main__.py")
    say(f"{whole:.1f} s sampled ({seconds:.1f} s wall under the profiler).")
    say()
    for title, attribute in (("own time", "own"), ("total time (callees included)", "total")):
        ranked = sorted(((key, t) for key, t in totals.items() if not any(s in key for s in skip)),
                        key=lambda item: -getattr(item[1], attribute))[:top]
        say(f"Top {top} frames by {title}:")
        say()
        say(table(["function  file:line", "own s", "total s", f"{attribute} % of run"],
                  [[f"`{key}`", f"{t.own:.2f}", f"{t.total:.2f}", f"{100 * getattr(t, attribute) / whole:.1f}"]
                   for key, t in ranked]))
        say()


# ---------------------------------------------------------------- main

SECTIONS = ("throughput", "startup", "linear", "reference")
#: ``--only profile`` runs the profile alone (``--profile`` adds it to the other sections).
CHOICES = (*SECTIONS, "profile")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see --help)\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = _Parser(prog="python -m benchmarks.throughput", description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small inputs (~150 KB files, N = 5,000) for development")
    p.add_argument("--profile", action="store_true", help="also print a pyinstrument profile of the damaged-news scan")
    p.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed (default 120)")
    p.add_argument("--only", default=",".join(SECTIONS),
                   help=f"comma-separated sections to run (default: {','.join(SECTIONS)}; also: profile)")
    p.add_argument("--news", type=Path, default=NEWS, help="news corpus (JSONL)")
    p.add_argument("--speeches", type=Path, default=SPEECHES, help="speeches corpus (JSONL)")
    args = p.parse_args(argv)
    args.sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(args.sections) - set(CHOICES))
    if unknown:
        p.error(f"--only: unknown section {', '.join(unknown)} (choose from {', '.join(CHOICES)})")
    if args.profile:
        args.sections.append("profile")
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.timeout <= 0:
        p.error("--timeout must be positive")
    for corpus in (args.news, args.speeches):
        if not corpus.is_file():
            p.error(f"corpus {corpus} not found")
    return args


def commit() -> str:
    """The commit measured (``+dirty`` when the work tree differs) and the last one that changed ``repairkit/``."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                              check=True).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no", "--", "repairkit")
        library = git("log", "-1", "--format=%h", "--", "repairkit")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (repairkit/ last changed in {library}{', with uncommitted changes' if dirty else ''})"


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (UTF-8, LF); the path."""
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def warm_up(timeout: float, tmp: Path) -> None:
    """One untimed ``repairkit scan`` of the fixture, so the byte-code cache is written before any clock starts."""
    with contextlib.suppress(Timeout, ToolError):
        run_process([*repairkit_command(), "scan", str(FIXTURE)], timeout, (0, 1), cwd=tmp)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the inputs, run the sections, print the tables; 2 on bad input."""
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    say(f"# Throughput benchmark ({'quick' if args.quick else 'full'}): commit {commit()}, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at start, Python {sys.version.split()[0]}")
    say()
    try:
        news = corpus_sample(args.news, sizes.corpus_bytes, "news")
        speeches = corpus_sample(args.speeches, sizes.corpus_bytes, "speeches")
    except (OSError, ValueError) as exc:
        print(f"error: cannot read a corpus: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="repairkit-throughput-") as folder:
        tmp = Path(folder)
        warm_up(args.timeout, tmp)
        files = []
        for sample in (news, speeches):
            for state, text in (("damaged", sample.damaged), ("clean", sample.clean)):
                label = f"{sample.name} {state} ({len(sample.articles)} articles)"
                files.append((label, write(tmp / f"{sample.name}-{state}.txt", text)))
        damaged_news = files[0][1]
        if "throughput" in args.sections:
            section_throughput(files, find_tools(args.timeout), args.runs, args.timeout)
        if "startup" in args.sections:
            section_startup(max(args.runs, sizes.startup_runs), args.timeout, tmp)
        if "linear" in args.sections:
            inputs = []
            for kind in PATHOLOGICAL_KINDS:
                inputs.append((kind, write(tmp / f"{kind}-n.txt", pathological(kind, sizes.linear_n)),
                               write(tmp / f"{kind}-4n.txt", pathological(kind, 4 * sizes.linear_n))))
            inputs.append(("damaged news, one line",
                           write(tmp / "line-n.txt", single_line(news.damaged, sizes.single_line_n)),
                           write(tmp / "line-4n.txt", single_line(news.damaged, 4 * sizes.single_line_n))))
            section_linear(inputs, inputs[-1][2], args.runs, args.timeout, tmp)
        if "reference" in args.sections:
            pairs = reference_pairs(args.news, sizes.reference_articles, tmp)
            section_reference(write(tmp / "pairs.json", json.dumps(pairs)), len(pairs), args.runs,
                              args.timeout, tmp)
        if "profile" in args.sections:
            section_profile(damaged_news, args.timeout, tmp)
    say(f"elapsed {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
