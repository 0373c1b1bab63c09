"""Fault injection in real processes: ``fix --write`` and ``revert`` killed with SIGKILL, two writers at once.

    python -m benchmarks.faults [--runs 200] [--seed 1] [--only kill,concurrent]

Each run is a real process: a parent that has imported repairkit forks a child, and the child
runs the ``repairkit`` command line (``main``, as the console script does) on files in a fresh
folder. Three ways to stop it:

- **at an I/O point**: the child counts its calls to the functions a write goes through
  (``tempfile.mkstemp``, ``os.fdopen``, ``os.fsync``, ``os.chmod``, ``os.replace``, ``os.open``,
  ``os.close``, ``os.unlink``), before and after each, and sends itself SIGKILL at point ``k``,
  ``k`` drawn from all the points of a complete run; so some runs die between the temporary
  file's fsync and its rename, some between the audit log's rename and the file's;
- **between write and rename**: SIGKILL just before the ``os.replace`` of the fixed file;
- **at a random time**: the parent sends SIGKILL after a random delay within the length of a
  complete run.

Half of the runs fix two files with one shared ``--audit`` log. After each kill the invariants
are checked: every file holds exactly its original bytes or exactly the complete fixed text; the
audit log is absent or a complete, loadable log whose entries all describe that run; then
``revert`` (itself killed at a random I/O point in half of the runs, then run again) gives back
the original bytes of every file. **concurrent**: two ``fix --write`` on one file at once, one
slowed inside its write so they overlap; exactly one writes, the other refuses (exit 2), the log
holds one run, and ``revert`` restores the original.

>>> sorted(check_state({}, {}, {}, None))
['corrupt', 'log_bad']
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: A text with safe fixes of several rules (mojibake, control characters, an invisible space).
DAMAGED = ("The cafÃ© said itâ€™s open.\n\nThe board met on Monday.\x01 Co\u200boperation went on, "
           "the chairman said.\n\n")

IO_POINTS = ("mkstemp", "fdopen", "fsync", "chmod", "replace", "open", "close", "unlink")


def _patch_io(on_call: Callable[[str, tuple[Any, ...]], None]) -> None:
    """Route the I/O functions of a write through ``on_call(name, args)``, before and after each."""
    import pathlib

    targets: list[tuple[Any, str]] = [(tempfile, "mkstemp"), *((os, n) for n in IO_POINTS[1:])]
    for module, name in targets:
        real = getattr(module, name)

        def wrapped(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            on_call(_name, args)
            out = _real(*args, **kwargs)
            on_call(_name + ":done", args)
            return out

        setattr(module, name, wrapped)
    real_unlink = pathlib.Path.unlink

    def unlink(self: Any, *args: Any, **kwargs: Any) -> Any:
        on_call("unlink", (self,))
        return real_unlink(self, *args, **kwargs)

    pathlib.Path.unlink = unlink  # type: ignore[method-assign]


def _quiet() -> None:
    """In a forked child: send its output (file descriptors and ``sys`` streams, which a test
    runner may have replaced) to the null device."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def run_cli(argv: Sequence[str], cwd: Path, kill_at: int | None = None, kill_before_replace_of: str | None = None,
            slow_replace: float = 0.0, count_file: Path | None = None) -> tuple[int, int]:
    """Run ``repairkit ARGV`` in a forked child; ``(exit status or -signal, I/O points seen)``.

    ``kill_at``: SIGKILL at that I/O point; ``kill_before_replace_of``: SIGKILL just before the
    rename onto a file of that name; ``slow_replace``: sleep that long before each rename.
    """
    counter = count_file or Path(tempfile.mkstemp(prefix="rk-points-")[1])
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 70
        try:
            os.chdir(cwd)
            _quiet()
            seen = [0]

            def on_call(name: str, args: tuple[Any, ...]) -> None:
                seen[0] += 1
                if kill_at is not None and seen[0] >= kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
                if name == "replace" and len(args) > 1:
                    if kill_before_replace_of and Path(args[1]).name == kill_before_replace_of:
                        os.kill(os.getpid(), signal.SIGKILL)
                    if slow_replace:
                        time.sleep(slow_replace)

            _patch_io(on_call)
            from repairkit.cli import main

            try:
                main.main(args=list(argv), prog_name="repairkit", standalone_mode=True)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            with open(counter, "w") as fh:  # noqa: PTH123 - os.open is patched, this is the builtin
                fh.write(str(seen[0]))
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    seen = int(counter.read_text() or 0) if counter.exists() and counter.stat().st_size else 0
    counter.unlink(missing_ok=True)
    return (os.waitstatus_to_exitcode(status), seen)


def run_cli_killed_after(argv: Sequence[str], cwd: Path, delay: float) -> int:
    """Run ``repairkit ARGV`` in a forked child and SIGKILL it after ``delay`` seconds."""
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.chdir(cwd)
            _quiet()
            from repairkit.cli import main

            try:
                main.main(args=list(argv), prog_name="repairkit", standalone_mode=True)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os._exit(code)
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def check_state(originals: dict[Path, bytes], fixed: dict[Path, bytes], now: dict[Path, bytes],
                log: Path | None) -> set[str]:
    """The invariants a kill must keep; the names of those broken (empty: all kept)."""
    broken: set[str] = set()
    if not originals or any(now.get(p) not in (originals[p], fixed[p]) for p in originals):
        broken.add("corrupt")
    if log is None:
        broken.add("log_bad")
    elif log.exists():
        from repairkit.repair import audit

        try:
            data = audit.load(log)
        except Exception:  # noqa: BLE001 - any failure to load is a broken log
            return broken | {"log_bad"}
        files = {Path(e["file"]) for e in data["entries"]}
        if files != set(originals) or any(
                base64.b64decode(e["original_base64"]) != originals[Path(e["file"])]
                or e["sha256_after"] != audit.sha256(fixed[Path(e["file"])]) for e in data["entries"]):
            broken.add("log_bad")
    return broken


def _setup(folder: Path, two: bool, seed: int) -> tuple[list[Path], Path]:
    rng = random.Random(seed)
    paths = []
    for name in ("a.txt", "b.txt")[: 2 if two else 1]:
        text = "".join(DAMAGED for _ in range(rng.randint(1, 40)))
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths, folder / "audit.json"


def _fix_args(paths: Sequence[Path], log: Path) -> list[str]:
    return ["fix", *map(str, paths), "--write", "--isolated", "--audit", str(log)]


def warm_up() -> None:
    """Import and load what a fix run needs once, in this process, so each forked child starts warm."""
    from repairkit.cli import main

    with tempfile.TemporaryDirectory(prefix="rk-warm-") as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text(DAMAGED, encoding="utf-8")
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            main.main(args=["fix", str(path), "--isolated", "--diff"], prog_name="repairkit", standalone_mode=False)


def kill_loop(runs: int, seed: int = 1, log_each: Callable[[str], None] | None = None) -> dict[str, Any]:
    """``runs`` fix-then-revert rounds, each killed once or twice; counts of what was seen."""
    rng = random.Random(seed)
    warm_up()
    out: dict[str, Any] = {"runs": 0, "killed": 0, "completed": 0, "corrupt": 0, "log_bad": 0,
                           "revert_killed": 0, "revert_failed": 0, "lost_bytes": 0, "leftover_tmp": 0,
                           "modes": {"io-point": 0, "before-rename": 0, "random-time": 0}}
    reference: dict[bool, tuple[dict[str, bytes], int, float]] = {}
    with tempfile.TemporaryDirectory(prefix="rk-faults-") as tmp:
        base = Path(tmp)
        for two in (False, True):  # one complete run of each shape: the fixed bytes, the points, the time
            folder = base / f"ref{int(two)}"
            folder.mkdir()
            paths, log = _setup(folder, two, seed)
            started = time.perf_counter()
            code, points = run_cli(_fix_args(paths, log), folder)
            assert code == 0, f"a complete fix run failed (exit {code})"
            reference[two] = ({p.name: p.read_bytes() for p in paths}, points, time.perf_counter() - started)
        for n in range(runs):
            two = n % 2 == 1
            folder = base / f"run{n}"
            folder.mkdir()
            fixed_by_name, points, duration = reference[two]
            paths, log = _setup(folder, two, seed)
            originals = {p: p.read_bytes() for p in paths}
            fixed = {p: fixed_by_name[p.name] for p in paths}
            mode = ("io-point", "before-rename", "random-time")[n % 3]
            out["modes"][mode] += 1
            if mode == "io-point":
                code, _ = run_cli(_fix_args(paths, log), folder, kill_at=rng.randint(1, points))
            elif mode == "before-rename":
                code, _ = run_cli(_fix_args(paths, log), folder, kill_before_replace_of=rng.choice(paths).name)
            else:
                code = run_cli_killed_after(_fix_args(paths, log), folder, rng.uniform(0, 1.5 * duration))
            out["runs"] += 1
            out["killed" if code == -signal.SIGKILL else "completed"] += 1
            broken = check_state(originals, fixed, {p: p.read_bytes() for p in paths}, log)
            for name in broken:
                out[name] += 1
            if log.exists():  # revert, killed at a random point in every other run, then again
                if n % 4 in (0, 1):
                    rcode, _ = run_cli(["revert", str(log)], folder, kill_at=rng.randint(1, 60))
                    out["revert_killed"] += rcode == -signal.SIGKILL
                    if check_state(originals, fixed, {p: p.read_bytes() for p in paths}, log) - {"log_bad"}:
                        out["corrupt"] += 1
                rcode, _ = run_cli(["revert", str(log)], folder)
                out["revert_failed"] += rcode != 0
            out["lost_bytes"] += sum(len(originals[p]) for p in paths if p.read_bytes() != originals[p])
            out["leftover_tmp"] += sum(1 for f in folder.iterdir() if f.name.endswith(".tmp"))
            if log_each:
                log_each(f"run {n}: {mode}, exit {code}, broken {sorted(broken) or 'none'}")
    return out


def concurrent(rounds: int, seed: int = 1) -> dict[str, Any]:
    """Two ``fix --write`` of one file at once (one slowed inside its rename): never interleaved."""
    out = {"rounds": 0, "one_wrote": 0, "interleaved": 0, "refused_with_message": 0, "log_runs_bad": 0,
           "revert_ok": 0}
    warm_up()
    with tempfile.TemporaryDirectory(prefix="rk-concurrent-") as tmp:
        for n in range(rounds):
            folder = Path(tmp) / f"r{n}"
            folder.mkdir()
            paths, log = _setup(folder, False, seed + n)
            original = paths[0].read_bytes()
            args = _fix_args(paths, log)
            err = folder / "second.err"
            first = os.fork()
            if first == 0:
                try:
                    run_cli(args, folder, slow_replace=0.3)
                finally:
                    os._exit(0)
            time.sleep(0.05 * (n % 4))
            second = os.fork()
            if second == 0:
                code = 70
                try:
                    os.chdir(folder)
                    _quiet()
                    sys.stderr = open(err, "w", encoding="utf-8")  # noqa: SIM115 - the child exits with os._exit
                    from repairkit.cli import main

                    try:
                        main.main(args=args + ["--unsafe"], prog_name="repairkit", standalone_mode=True)
                        code = 0
                    except SystemExit as exc:
                        code = exc.code if isinstance(exc.code, int) else 1
                finally:
                    sys.stderr.flush()
                    os._exit(code)
            os.waitpid(first, 0)
            _, status = os.waitpid(second, 0)
            out["rounds"] += 1
            from repairkit.repair import audit

            entries = audit.load(log)["entries"] if log.exists() else []
            runs = {e["run"] for e in entries}
            out["log_runs_bad"] += len(runs) != 1 or len(entries) != 1
            now = paths[0].read_bytes()
            if len(entries) == 1 and now != original and audit.sha256(now) == entries[0]["sha256_after"]:
                out["one_wrote"] += 1
            else:
                out["interleaved"] += 1
            message = err.read_text() if err.exists() else ""
            code2 = os.waitstatus_to_exitcode(status)
            if code2 == 2 and ("changed while it was being fixed" in message or "another repairkit" in message):
                out["refused_with_message"] += 1
            elif code2 == 0 and len(entries) == 1:  # the second went first: the first must have refused
                out["refused_with_message"] += 1
            code, _ = run_cli(["revert", str(log)], folder)
            out["revert_ok"] += code == 0 and paths[0].read_bytes() == original
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20, help="rounds of the two-writers test")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="kill,concurrent")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    started = time.perf_counter()
    if "kill" in args.only:
        report["kill"] = kill_loop(args.runs, args.seed, print if args.verbose else None)
    if "concurrent" in args.only:
        report["concurrent"] = concurrent(args.rounds, args.seed)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))
    bad = report.get("kill", {})
    failed = any(bad.get(k) for k in ("corrupt", "log_bad", "revert_failed", "lost_bytes")) or \
        report.get("concurrent", {}).get("interleaved")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
