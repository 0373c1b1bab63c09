"""Workers killed mid-run: a local worker process, a Dask worker. No document lost or repeated."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.batching import engines
from repairkit.cli import main
from tests.test_batch import texts, write_jsonl

DOCUMENTS = 160


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts(DOCUMENTS, 9))])


@pytest.fixture
def whole(runner: CliRunner, source: Path, tmp_path: Path) -> bytes:
    """The output of one uninterrupted run, in this process."""
    out = tmp_path / "whole.jsonl"
    assert runner.invoke(main, ["batch", str(source), "-o", str(out), "--workers", "1", "--fail-on", "never"]).exit_code == 0
    return out.read_bytes()


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_when(out: Path, lines: int, victims: Callable[[], list[int]], killed: list[int]) -> threading.Thread:
    """A thread that SIGKILLs the processes ``victims()`` names once ``out`` holds ``lines`` lines."""

    def watch() -> None:
        deadline = time.monotonic() + 240
        while _lines(out) < lines and time.monotonic() < deadline:
            time.sleep(0.01)
        for pid in victims():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def pool_workers() -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.pid][:1]


def test_a_local_worker_killed_mid_run_is_replaced_and_the_run_completes(runner, source, whole, tmp_path):
    out = tmp_path / "out.jsonl"
    killed: list[int] = []
    watcher = kill_when(out, 20, pool_workers, killed)
    result = runner.invoke(main, ["batch", str(source), "-o", str(out), "--workers", "2", "--fail-on", "never"])
    watcher.join()
    assert len(killed) == 1 and result.exit_code == 0, result.output
    assert 20 <= _lines(out) and out.read_bytes() == whole  # every document once, in order, as one run gives


def test_when_workers_keep_dying_the_run_stops_and_resume_completes_it(runner, source, whole, tmp_path, monkeypatch):
    monkeypatch.setattr(engines, "MAX_RESTARTS", 0)
    out = tmp_path / "out.jsonl"
    killed: list[int] = []
    watcher = kill_when(out, 20, pool_workers, killed)
    result = runner.invoke(main, ["batch", str(source), "-o", str(out), "--workers", "2", "--fail-on", "never"])
    watcher.join()
    assert result.exit_code == 1 and killed
    assert "worker processes died 1 times" in result.stderr and "--resume" in result.stderr
    assert "Traceback" not in result.output
    written = _lines(out)
    assert 20 <= written < DOCUMENTS
    resumed = runner.invoke(main, ["batch", str(source), "-o", str(out), "--resume", "--workers", "2",
                                   "--fail-on", "never"])
    assert resumed.exit_code == 0 and f"{written} already in the output" in resumed.stderr
    assert out.read_bytes() == whole
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i}" for i in range(DOCUMENTS)]


def test_a_dask_worker_killed_mid_run_loses_and_repeats_nothing(runner, source, whole, tmp_path):
    pytest.importorskip("distributed")
    import psutil

    def dask_worker() -> list[int]:  # a LocalCluster's worker process: a child spawned by its nanny
        return [p.pid for p in psutil.Process().children() if "spawn_main" in " ".join(p.cmdline())][:1]

    out = tmp_path / "out.jsonl"
    killed: list[int] = []
    watcher = kill_when(out, 20, dask_worker, killed)
    result = runner.invoke(main, ["batch", str(source), "-o", str(out), "--engine", "dask", "--workers", "2",
                                  "--fail-on", "never"])
    watcher.join()
    assert len(killed) == 1 and result.exit_code == 0, result.output
    assert out.read_bytes() == whole
