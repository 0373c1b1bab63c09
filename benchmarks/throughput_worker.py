"""Timing worker of ``benchmarks/throughput.py``: scans in a fresh process, start and warm-up excluded.

    python -m benchmarks.throughput_worker scan WARMUP FILE
    python -m benchmarks.throughput_worker reference WARMUP PAIRS.json

Each run is a new process: it imports the command line, runs one ``repairkit scan --format
json`` on the small WARMUP file (so one-time loads, the lexicons, the readability data, are
paid before the clock starts), then times the same command in-process on the real input and
prints the wall and the CPU seconds as JSON on stdout. The linear-time check compares these times (N against
4N) because a constant process start would hide a superlinear scan. ``reference`` reads
``[[damaged, clean], ...]`` and times each damaged file without and with ``--reference`` its
clean copy.

>>> scan_args("a.txt", None)
['scan', '--format', 'json', 'a.txt']
>>> scan_args("a.txt", "ref.txt")[-2:]
['--reference', 'ref.txt']
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable

from repairkit.cli import main


def scan_args(path: str, reference: str | None) -> list[str]:
    """The arguments of ``repairkit scan --format json PATH [--reference REF]``."""
    args = ["scan", "--format", "json", path]
    return args + ["--reference", reference] if reference else args


def run_cli(cli: Callable[..., object], args: list[str]) -> tuple[float, float]:
    """Run the command line in this process with stdout thrown away; the wall and the CPU seconds
    (this process's user + system time) it took.

    Exit codes 0 and 1 (findings at or above ``--fail-on``) are normal; any other is an error.
    """
    start, cpu = time.perf_counter(), time.process_time()
    code: object = 0
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        try:
            code = cli(args, prog_name="repairkit", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if code not in (0, 1, None):
        raise RuntimeError(f"repairkit {' '.join(args)} exited {code}")
    return seconds, cpu


def main_worker(argv: list[str]) -> dict[str, object]:
    """Dispatch on the mode; the result to print as JSON."""
    mode, warmup, target = argv
    if mode == "scan":
        run_cli(main, scan_args(warmup, None))
        seconds, cpu = run_cli(main, scan_args(target, None))
        return {"seconds": seconds, "cpu": cpu}
    if mode == "reference":
        with open(target, encoding="utf-8") as fh:
            pairs = json.load(fh)
        run_cli(main, scan_args(warmup, pairs[0][1]))
        times: dict[str, list[float]] = {"without": [], "with": [], "without_cpu": [], "with_cpu": []}
        for damaged, clean in pairs:
            for key, reference in (("without", None), ("with", clean)):
                seconds, cpu = run_cli(main, scan_args(damaged, reference))
                times[key].append(seconds)
                times[f"{key}_cpu"].append(cpu)
        return dict(times)
    raise SystemExit(f"unknown mode {mode!r} (scan or reference)")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: python -m benchmarks.throughput_worker scan|reference WARMUP TARGET")
    print(json.dumps(main_worker(sys.argv[1:])))
