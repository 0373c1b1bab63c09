"""Batch benchmark: ``repairkit batch`` throughput by engine, and peak memory by batch size.

Usage:
    .venv/bin/python -m benchmarks.batch throughput [--limit N] [--workers 1,2] [--dask] [--repeat R]
    .venv/bin/python -m benchmarks.batch memory --documents 10000,100000 [--workers 2]

The input is the seed-damaged news corpus (``benchmarks/damage.py``, profile ``seed``, seed 0), one
JSONL record per article; ``memory`` repeats the corpus (ids made unique) up to each size. Each run
is the real command line (``python -m repairkit batch``) in a child process, so start-up and
worker start are counted. Peak memory is the largest resident set of any one process of the run
(the command, its workers, Dask's scheduler and nannies), sampled every 0.2 s with psutil, with
the kernel's own high-water mark (``ru_maxrss`` of the largest child) beside it; the samples at
10%, 50% and 90% of the run show whether memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.damage import damage, load_corpus

ROOT = Path(__file__).resolve().parent.parent


def write_input(path: Path, documents: int | None = None, limit: int | None = None) -> tuple[int, int]:
    """Write the seed-damaged corpus as batch input (repeated up to ``documents``); (records, bytes)."""
    damaged = [(a["id"], damage(a["text"], "listed", seed=0).text) for a in load_corpus(limit=limit)]
    total = documents or len(damaged)
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(total):
            ident, text = damaged[i % len(damaged)]
            line = json.dumps({"id": f"{ident}#{i // len(damaged)}" if documents else ident, "text": text},
                              ensure_ascii=False) + "\n"
            size += len(text.encode("utf-8"))
            fh.write(line)
    return total, size


@dataclass
class Run:
    """One timed run of the command."""

    label: str
    seconds: float
    documents: int
    input_bytes: int
    peak_rss: int = 0
    kernel_maxrss: int = 0
    cpu_seconds: float = 0.0
    load: float = 0.0
    processes: int = 0
    timeline: list[tuple[float, int]] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.input_bytes / self.seconds / 1e6

    def rss_at(self, share: float) -> int:
        """The largest-process RSS sampled nearest to ``share`` of the run."""
        if not self.timeline:
            return 0
        at = share * self.seconds
        return min(self.timeline, key=lambda t: abs(t[0] - at))[1]


def _tree_rss(proc: object) -> tuple[int, int]:
    """(largest RSS, process count) over ``proc`` and its descendants."""
    import psutil

    try:
        members = [proc, *proc.children(recursive=True)]  # type: ignore[attr-defined]
    except psutil.Error:
        return 0, 0
    largest = 0
    for p in members:
        try:
            largest = max(largest, p.memory_info().rss)
        except psutil.Error:
            pass
    return largest, len(members)


def run_batch(label: str, source: Path, out: Path, documents: int, input_bytes: int, args: Sequence[str],
              report_every: float = 0.0) -> Run:
    """Run ``repairkit batch`` on ``source`` and measure it; ``report_every`` seconds, print where it is."""
    import psutil

    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "repairkit", "batch", str(source), "-o", str(out), "--fail-on", "never",
               "--no-progress", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    run = Run(label, 0.0, documents, input_bytes)
    reported = started
    while child.poll() is None:
        rss, count = _tree_rss(proc)
        now = time.perf_counter()
        run.timeline.append((now - started, rss))
        run.peak_rss = max(run.peak_rss, rss)
        run.processes = max(run.processes, count)
        if report_every and now - reported >= report_every:
            reported = now
            size = out.stat().st_size if out.exists() else 0
            print(f"  {label}: {now - started:7.0f} s, {size / 1e6:8.1f} MB written, largest process {rss / 1e6:5.0f} MB "
                  f"(peak so far {run.peak_rss / 1e6:.0f} MB), load average {os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(0.2)
    run.seconds = time.perf_counter() - started
    stderr = child.stderr.read() if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"{label}: repairkit batch failed ({child.returncode}): {stderr.strip()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.kernel_maxrss = after.ru_maxrss * 1024
    run.cpu_seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    run.load = (load + os.getloadavg()[0]) / 2
    lines = out.read_bytes().count(b"\n")
    if lines != documents:
        raise SystemExit(f"{label}: {lines} output lines for {documents} documents")
    return run


def throughput(args: argparse.Namespace, work: Path) -> None:
    source = work / "seed.jsonl"
    documents, size = write_input(source, limit=args.limit)
    print(f"input: {documents} seed-damaged news articles ({size / 1e6:.2f} MB of text), {source}")
    setups = [(f"--workers {w}", ["--workers", str(w)]) for w in args.workers]
    if args.dask:
        setups.append((f"--engine dask (LocalCluster, {args.dask_workers} workers)",
                       ["--engine", "dask", "--workers", str(args.dask_workers)]))
    runs: dict[str, list[Run]] = {label: [] for label, _ in setups}
    outputs: dict[str, Path] = {}
    print(f"{'round':>5} {'run':<40} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'CPU s':>6} {'load':>5} "
          f"{'peak RSS (largest process)':>27}")
    for round_ in range(1, args.repeat + 1):  # the set in turn, round after round: side by side under one load
        for label, extra in setups:
            out = work / f"out-{len(outputs)}.jsonl" if label not in outputs else outputs[label]
            r = run_batch(label, source, out, documents, size, extra)
            runs[label].append(r)
            outputs[label] = out
            print(f"{round_:>5} {label:<40} {r.seconds:>8.1f} {r.docs_per_s:>8.1f} {r.mb_per_s:>6.3f} "
                  f"{r.cpu_seconds:>6.1f} {r.load:>5.1f} {r.peak_rss / 1e6:>24.0f} MB", flush=True)
        first = next(iter(outputs.values())).read_bytes()
        print(f"      outputs identical in round {round_}: {all(p.read_bytes() == first for p in outputs.values())}")
    base_label = setups[0][0]
    print(f"medians over {args.repeat} rounds (speed-up: the median of each round's ratio to {base_label}):")
    print(f"{'run':<40} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'speed-up':>9} {'CPU s':>6} {'load':>5} "
          f"{'peak RSS':>9}")
    for label, _ in setups:
        rs = runs[label]
        ratio = statistics.median(b.seconds / r.seconds for b, r in zip(runs[base_label], rs))
        print(f"{label:<40} {statistics.median(r.seconds for r in rs):>8.1f} "
              f"{statistics.median(r.docs_per_s for r in rs):>8.1f} {statistics.median(r.mb_per_s for r in rs):>6.3f} "
              f"{ratio:>8.2f}x {statistics.median(r.cpu_seconds for r in rs):>6.1f} "
              f"{statistics.median(r.load for r in rs):>5.1f} {max(r.peak_rss for r in rs) / 1e6:>6.0f} MB")
    print(f"machine: {os.cpu_count()} cores; load: the 1-minute load average at the start and end of each run "
          "(other work on the machine slows the parallel runs most)")


def memory(args: argparse.Namespace, work: Path) -> None:
    print(f"{'documents':>10} {'MB of text':>10} {'seconds':>8} {'docs/s':>7} {'peak RSS':>9} {'kernel max':>10} "
          f"{'at 10%':>7} {'at 50%':>7} {'at 90%':>7} {'processes':>9}")
    for n in args.documents:
        source = work / f"repeat-{n}.jsonl"
        documents, size = write_input(source, documents=n)
        out = work / f"out-{n}.jsonl"
        r = run_batch(f"{n}", source, out, documents, size, ["--workers", str(args.workers)], args.report_every)
        print(f"{n:>10} {size / 1e6:>10.1f} {r.seconds:>8.0f} {r.docs_per_s:>7.1f} {r.peak_rss / 1e6:>6.0f} MB "
              f"{r.kernel_maxrss / 1e6:>7.0f} MB {r.rss_at(0.1) / 1e6:>4.0f} MB {r.rss_at(0.5) / 1e6:>4.0f} MB "
              f"{r.rss_at(0.9) / 1e6:>4.0f} MB {r.processes:>9}", flush=True)
        if not args.keep:
            source.unlink()
            out.unlink()


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and run the chosen measurement."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    tp = sub.add_parser("throughput", help="documents/s and MB/s by worker count and engine")
    tp.add_argument("--limit", type=int, default=None, help="only the first N corpus articles")
    tp.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    tp.add_argument("--dask", action="store_true", help="also --engine dask with a LocalCluster")
    tp.add_argument("--dask-workers", type=int, default=2)
    tp.add_argument("--repeat", type=int, default=1, help="rounds of the whole set, run in turn")
    mem = sub.add_parser("memory", help="peak memory of the largest process by batch size")
    mem.add_argument("--documents", type=lambda s: [int(x) for x in s.split(",")], default=[10_000])
    mem.add_argument("--workers", type=int, default=2)
    mem.add_argument("--keep", action="store_true", help="keep the input and output files")
    mem.add_argument("--report-every", type=float, default=0.0, metavar="SECONDS",
                     help="print the elapsed time, output written and largest RSS this often")
    ap.add_argument("--workdir", type=Path, default=None, help="where the input and output files go")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        (throughput if args.what == "throughput" else memory)(args, Path(tmp))


if __name__ == "__main__":
    main()
