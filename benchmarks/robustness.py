"""Inputs from the wild and hostile references: time per MB, peak memory, true spans (issue 18).

    python -m benchmarks.robustness [--size-mb 1] [--big-mb 50] [--line-mb 10|0.5,1,2] [--only inputs,big,references]
                                    [--runs 1] [--timeout 1800]

Every case is one ``repairkit scan --format json --isolated`` in a new process (start included),
timed on the wall clock, with its peak resident memory (``os.wait4``'s ``ru_maxrss``). Texts are
built from the news corpus (``shared/corpus/news.jsonl``; the clean articles, and seed damage from
:mod:`benchmarks.damage` where it says so). For each output the spans are checked: every finding
lies inside the text, its ``text`` is ``original[start:end]`` and its line and column are right.

**inputs**: each class at ``--size-mb`` and twice that (the time ratio shows linear time):
scraped control characters (``\\x01``, ``\\x1b[0m``, ``\\x7f`` between words), mixed line endings
and lone CRs, zero-width spaces and soft hyphens inside words (every one must be reported at its
exact offset), a byte-order mark in mid-file. Then ``fix --write`` and
``revert`` of the ``--size-mb`` texts: the original bytes come back exactly. **big**: the
``--big-mb`` file and the ``--line-mb`` line (each a size or a list of sizes; each row is printed,
and kept in ``--json``, as soon as it is measured).

**references**: one damaged article scanned with a hostile ``--reference``: empty, unrelated (a
speech), identical to the document, 100 MB, one sentence repeated 100,000 times, malformed JSON,
malformed JSONL, a JSONL library with one bad line; exit code and the one-line message where one
is due. Then alignment time against reference size: unrelated articles and a repeated sentence at
R, 2R and 4R (the time at most doubles per doubling, if alignment is linear).

Prints one table per section, and a JSON object of everything (``--json FILE``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.damage import damage, load_corpus

REPO = Path(__file__).resolve().parents[1]
CORPORA = [folder / "shared" / "corpus" for folder in (REPO.parent, Path("/work"))]
MB = 1024 * 1024


def corpus(name: str) -> list[str]:
    """The article texts of ``shared/corpus/<name>.jsonl``."""
    folder = next(f for f in CORPORA if (f / f"{name}.jsonl").exists())
    return [a["text"] for a in load_corpus(folder / f"{name}.jsonl")]


def sized(texts: Sequence[str], size: int, sep: str = "\n\n") -> str:
    """Articles joined until ``size`` characters, cycling through them (cut at ``size``)."""
    out, total, i = [], 0, 0
    while total < size:
        out.append(texts[i % len(texts)])
        total += len(out[-1]) + len(sep)
        i += 1
    return sep.join(out)[:size]


def sprinkle(text: str, marks: Sequence[str], every: int, inside_words: bool) -> tuple[str, list[int]]:
    """``text`` with one of ``marks`` put every ``every`` characters (inside a word, between two
    letters, when ``inside_words``); the offsets where they went, in the new text.

    >>> sprinkle("abcdef ghijkl", ["|"], 4, True)
    ('abc|def g|hijkl', [3, 9])
    """
    out, where, last, n = [], [], 0, 0
    pos = every - 1
    while pos < len(text):
        while inside_words and pos < len(text) - 1 and not (text[pos - 1].isalpha() and text[pos].isalpha()):
            pos += 1
        if pos >= len(text) - 1:
            break
        out.append(text[last:pos])
        where.append(sum(map(len, out)))
        out.append(marks[n % len(marks)])
        n += 1
        last = pos
        pos += every
    out.append(text[last:])
    return "".join(out), where


#: Runs ``repairkit ARGS`` and writes the process's peak RSS (VmHWM, kB) to a file at exit. The
#: high-water mark of /proc is the new program's own; ``ru_maxrss`` would also count the pages of
#: the benchmark process it was forked from.
_PEAK_RSS_WRAPPER = """
import atexit, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as fh, open(out, "w") as o:
        o.write(next(l.split()[1] for l in fh if l.startswith("VmHWM:")))
atexit.register(peak)
from repairkit.cli import main
main(args=sys.argv[1:], prog_name="repairkit")
"""


def run_scan(path: Path, args: Sequence[str] = (), timeout: float = 1800) -> dict[str, Any]:
    """``repairkit scan --format json`` of ``path`` in a new process: seconds, peak RSS, output."""
    out = path.with_suffix(".out.json")
    hwm = path.with_suffix(".hwm")
    cmd = [sys.executable, "-c", _PEAK_RSS_WRAPPER, str(hwm), "scan", str(path), "--isolated", "--format", "json",
           "--output", str(out), *args]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=path.parent)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    peak = int(hwm.read_text()) / 1024 if hwm.exists() and hwm.read_text() else usage.ru_maxrss / 1024
    hwm.unlink(missing_ok=True)
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() and proc.returncode in (0, 1) else None
    out.unlink(missing_ok=True)
    return {"exit": proc.returncode, "seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "stderr": stderr.strip(), "report": report, "timeout": seconds > timeout}


def span_problems(text: str, report: dict[str, Any] | None) -> int:
    """Findings of ``report`` whose span, text, line or column is not true to ``text``."""
    if report is None:
        return 0
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    import bisect

    bad = 0
    for doc in report["documents"]:
        for f in doc["findings"]:
            line = bisect.bisect_right(starts, f["start"])
            ok = (0 <= f["start"] <= f["end"] <= len(text) and f["text"] == text[f["start"]:f["end"]]
                  and (f["line"], f["column"]) == (line, f["start"] - starts[line - 1] + 1)
                  and all(0 <= s["start"] <= s["end"] <= len(text) for s in f["suggestions"]))
            bad += not ok
    return bad


def input_classes(size: int) -> dict[str, tuple[str, list[int], str]]:
    """name -> (text, offsets that must be reported, by which rule) at about ``size`` characters."""
    news = corpus("news")
    clean = sized(news, size)
    controls, _ = sprinkle(clean.replace(". ", ".\x01 ", 3000), ["\x1b[0m", "\x7f", "\x01"], 997, False)
    mixed = clean.replace("\n\n", "\r\n\r\n", clean.count("\n\n") // 3).replace(". ", ".\r", 2000)
    zero_width, zw_at = sprinkle(clean, ["\u200b", "\u00ad"], 1499, True)
    bom = clean[: size // 2] + "\ufeff" + clean[size // 2:]
    return {
        "control characters (\\x01, \\x1b[0m, \\x7f)": (controls, [], "RK802"),
        "mixed CRLF/LF and lone CR": (mixed, [], ""),
        "zero-width spaces and soft hyphens in words": (zero_width, zw_at, "RK804"),
        "byte-order mark mid-file": (bom, [size // 2], "RK804"),
    }


def bench_inputs(folder: Path, size_mb: float, timeout: float) -> list[dict[str, Any]]:
    rows = []
    size = int(size_mb * MB)
    for scale in (1, 2):
        for name, (text, must, rule) in input_classes(size * scale).items():
            path = folder / "input.txt"
            path.write_text(text, encoding="utf-8", newline="")
            got = run_scan(path, timeout=timeout)
            found = {f["start"] for d in (got["report"] or {"documents": []})["documents"]
                     for f in d["findings"] if f["code"] == rule}
            rows.append({"class": name, "chars": len(text), "scale": scale, **_figures(got, text),
                         "missed_marks": len(set(must) - found)})
    return rows


def bench_big(folder: Path, big_mb: Sequence[float], line_mb: Sequence[float], timeout: float,
              show: Callable[[dict[str, Any]], None] | None = None) -> list[dict[str, Any]]:
    """A file of articles of each of ``big_mb`` and a single line of seed-damaged news of each of
    ``line_mb`` (several sizes show how the time grows); ``show`` gets each row as it is measured
    (a run of an hour is not lost when a later one is stopped)."""
    rows = []
    cases = [(f"{mb:g} MB file of articles", lambda mb=mb: sized(corpus("news"), int(mb * MB))) for mb in big_mb if mb]
    if any(line_mb):
        line = " ".join(damage(a).text for a in corpus("news")[:2000])
        while len(line) < int(max(line_mb) * MB):
            line = line + " " + line
        cases += [(f"{mb:g} MB single line (seed damage)", lambda mb=mb: line[: int(mb * MB)]) for mb in line_mb if mb]
    for name, make in cases:
        text = make()
        path = folder / "input.txt"
        path.write_text(text, encoding="utf-8")
        got = run_scan(path, timeout=timeout)
        rows.append({"class": name, "chars": len(text), "scale": 1, **_figures(got, text), "missed_marks": 0,
                     "cpu_seconds": got["cpu_seconds"]})
        if show:
            show(rows[-1])
    return rows


#: Peak RSS of a scan of a few words (the interpreter, the rules and their data), set by main().
BASELINE_RSS_MB = [0.0]


def _figures(got: dict[str, Any], text: str) -> dict[str, Any]:
    mb = len(text.encode("utf-8")) / MB
    return {"exit": got["exit"], "seconds": got["seconds"], "s_per_mb": round(got["seconds"] / mb, 2),
            "cpu_s_per_mb": round(got["cpu_seconds"] / mb, 2), "peak_rss_mb": got["peak_rss_mb"],
            "rss_over_base_per_mb": round((got["peak_rss_mb"] - BASELINE_RSS_MB[0]) / mb, 1),
            "findings": sum(len(d["findings"]) for d in got["report"]["documents"]) if got["report"] else None,
            "invalid_spans": span_problems(text, got["report"]), "traceback": "Traceback" in got["stderr"],
            "timeout": got["timeout"]}


def fix_revert_exact(folder: Path, size_mb: float) -> list[dict[str, Any]]:
    """``fix --write --unsafe`` then ``revert`` of each input class: the original bytes come back."""
    rows = []
    for name, (text, _, _) in input_classes(int(size_mb * MB)).items():
        path = folder / "fixme.txt"
        path.write_text(text, encoding="utf-8", newline="")
        original = path.read_bytes()
        run = [sys.executable, "-m", "repairkit"]
        fixed = subprocess.run([*run, "fix", str(path), "--write", "--unsafe", "--isolated"], capture_output=True,
                               text=True, cwd=folder)
        changed = path.read_bytes() != original
        log = Path(f"{path}.repairkit-audit.json")
        reverted = subprocess.run([*run, "revert", str(log)], capture_output=True, text=True, cwd=folder) \
            if log.exists() else None
        rows.append({"class": name, "fix_exit": fixed.returncode, "changed": changed,
                     "revert_exit": reverted.returncode if reverted else None,
                     "byte_exact": path.read_bytes() == original})
        log.unlink(missing_ok=True)
    return rows


def bench_references(folder: Path, timeout: float) -> dict[str, Any]:
    news, speeches = corpus("news"), corpus("speeches")
    clean = news[1]
    doc = folder / "doc.txt"
    doc.write_text(damage(clean).text, encoding="utf-8")
    sentence = "The minister said on Monday that the talks would resume next week. "
    refs: dict[str, tuple[str, bytes]] = {
        "empty": ("empty.txt", b""),
        "unrelated (a speech)": ("speech.txt", speeches[0].encode()),
        "identical to the document": ("same.txt", doc.read_bytes()),
        "the clean article (the normal case)": ("clean.txt", clean.encode()),
        "100 MB": ("huge.txt", sized(news, 100 * MB).encode()),
        "one sentence x 100,000": ("repeat.txt", (sentence * 100_000).encode()),
        "malformed JSON": ("bad.json", b'{"schema": "repairkit.reference/1", "text": '),
        "malformed JSONL": ("bad.jsonl", b'{"id": 1, "text": "ok"\n'),
        "JSONL, one bad line of three": ("lib.jsonl", "\n".join(
            [json.dumps({"id": "a", "text": clean}), '{"id": "b", "text": ', json.dumps({"id": "c", "text": news[2]})]
        ).encode()),
    }
    rows = []
    for name, (file, data) in refs.items():
        ref = folder / file
        ref.write_bytes(data)
        got = run_scan(doc, ["--reference", str(ref)], timeout)
        rows.append({"reference": name, "mb": round(len(data) / MB, 2), "exit": got["exit"],
                     "seconds": got["seconds"], "cpu_seconds": got["cpu_seconds"],
                     "peak_rss_mb": got["peak_rss_mb"], "message": got["stderr"].splitlines()[-1][:160] if got["stderr"] else "",
                     "stderr_lines": len(got["stderr"].splitlines()), "traceback": "Traceback" in got["stderr"],
                     "invalid_spans": span_problems(doc.read_text(encoding="utf-8"), got["report"])})
        ref.unlink()
    scaling = []
    no_ref = run_scan(doc, timeout=timeout)
    base = no_ref["seconds"]
    for kind, make in (("unrelated articles", lambda n: "\n\n".join([clean, *news[2:2 + n]])),
                       ("one sentence repeated", lambda n: clean + "\n\n" + sentence * (n * 40))):
        for n in (100, 200, 400):
            ref = folder / "scale.txt"
            ref.write_text(make(n), encoding="utf-8")
            got = run_scan(doc, ["--reference", str(ref)], timeout)
            scaling.append({"reference": kind, "chars": len(make(n)), "seconds": got["seconds"],
                            "cpu_seconds": got["cpu_seconds"],
                            "over_no_reference": round(got["seconds"] - base, 2),
                            "cpu_over_no_reference": round(got["cpu_seconds"] - no_ref["cpu_seconds"], 2),
                            "exit": got["exit"]})
    return {"hostile": rows, "scaling": scaling, "no_reference_seconds": base}


def _sizes(value: str) -> list[float]:
    """``"0.5,1,2"`` -> ``[0.5, 1.0, 2.0]`` (``0`` skips that input).

    >>> _sizes("50"), _sizes("0.5,1,2")
    ([50.0], [0.5, 1.0, 2.0])
    """
    return [float(v) for v in value.split(",") if v.strip()]


def _table(rows: list[dict[str, Any]], keys: Sequence[str]) -> str:
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--big-mb", type=_sizes, default=[50.0], help="sizes of the file of articles, e.g. 50 or 4,50")
    parser.add_argument("--line-mb", type=_sizes, default=[10.0], help="sizes of the single line, e.g. 10 or 0.5,1,2")
    parser.add_argument("--only", default="inputs,big,references")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {"load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="rk-robust-") as tmp:
        folder = Path(tmp)
        tiny = folder / "tiny.txt"
        tiny.write_text("A short line of text.\n", encoding="utf-8")
        BASELINE_RSS_MB[0] = out["baseline_rss_mb"] = run_scan(tiny)["peak_rss_mb"]
        if "inputs" in args.only:
            out["inputs"] = bench_inputs(folder, args.size_mb, args.timeout)
            print(_table(out["inputs"], ["class", "chars", "exit", "seconds", "s_per_mb", "cpu_s_per_mb", "peak_rss_mb",
                                         "rss_over_base_per_mb",
                                         "findings", "invalid_spans", "missed_marks", "traceback"]), flush=True)
            out["fix_revert"] = fix_revert_exact(folder, args.size_mb)
            print(_table(out["fix_revert"], ["class", "fix_exit", "changed", "revert_exit", "byte_exact"]), flush=True)
        if "big" in args.only:
            keys = ["class", "chars", "exit", "seconds", "cpu_seconds", "s_per_mb", "cpu_s_per_mb", "peak_rss_mb",
                    "rss_over_base_per_mb", "findings", "invalid_spans", "traceback", "timeout"]
            print(_table([], keys), flush=True)

            def show(row: dict[str, Any]) -> None:
                print(_table([row], keys).splitlines()[-1], flush=True)
                if args.json:  # kept as it goes
                    args.json.write_text(json.dumps({**out, "big_so_far": out.get("big_so_far", []) + [row]}, indent=1))
                out["big_so_far"] = out.get("big_so_far", []) + [row]

            out["big"] = bench_big(folder, args.big_mb, args.line_mb, args.timeout, show)
            out.pop("big_so_far", None)
        if "references" in args.only:
            out["references"] = bench_references(folder, args.timeout)
            print(_table(out["references"]["hostile"], ["reference", "mb", "exit", "seconds", "cpu_seconds", "peak_rss_mb",
                                                        "stderr_lines", "traceback", "message"]), flush=True)
            print(_table(out["references"]["scaling"], ["reference", "chars", "seconds", "cpu_seconds", "over_no_reference",
                                                                  "cpu_over_no_reference"]))
    out["load_average_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
