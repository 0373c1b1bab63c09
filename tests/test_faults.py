"""Reliability of ``fix --write`` and ``revert`` when the world misbehaves (issue 18).

Real processes killed with SIGKILL (a short version of ``python -m benchmarks.faults``), two
writers at once, and I/O errors injected in-process: a full disk, an I/O error, a read-only
file or directory, the file deleted or replaced between read and write. Every case ends in
one line on stderr and exit 2, with the file on disk whole.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks import faults
from repairkit.cli import main
from repairkit.repair import audit

DAMAGED = faults.DAMAGED


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def fixed_text(tmp_path: Path) -> bytes:
    """What a complete ``fix --write`` makes of :data:`DAMAGED`."""
    folder = tmp_path / "reference"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    assert invoke("fix", str(path), "--write", "--isolated")[0] == 0
    assert path.read_bytes() != DAMAGED.encode()
    return path.read_bytes()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    return path


def test_sigkill_at_every_kind_of_point_leaves_original_or_fixed_and_revert_completes():
    report = faults.kill_loop(18, seed=7)
    assert report["killed"] >= 9, report  # the kills really landed (most runs die before the end)
    assert report["modes"] == {"io-point": 6, "before-rename": 6, "random-time": 6}
    assert report["corrupt"] == report["log_bad"] == report["revert_failed"] == report["lost_bytes"] == 0, report


def test_check_state_sees_a_half_written_file_and_a_log_of_another_run(tmp_path):
    path, log = tmp_path / "a.txt", tmp_path / "audit.json"
    original, fixed = {path: b"abc def"}, {path: b"abc  def"}
    assert faults.check_state(original, fixed, {path: b"abc d"}, log) == {"corrupt"}
    audit.record(log, [audit.make_entry(path, path, b"other", b"abc  def", "utf-8", [])])
    assert faults.check_state(original, fixed, {path: b"abc def"}, log) == {"log_bad"}


def test_two_fix_write_at_once_one_writes_the_other_refuses():
    report = faults.concurrent(3, seed=3)
    assert report["interleaved"] == report["log_runs_bad"] == 0, report
    assert report["one_wrote"] == report["refused_with_message"] == report["revert_ok"] == 3, report


def test_a_second_writer_waits_for_the_lock_then_refuses_if_the_file_changed(tmp_path, article, monkeypatch):
    fileio = importlib.import_module("repairkit.fileio")
    monkeypatch.setattr(fileio, "LOCK_WAIT_SECONDS", 0.3)
    with fileio.directory_lock([article]):  # another process holds the directory
        code, err = invoke("fix", str(article), "--write", "--isolated")
    assert "another repairkit process is writing" in one_line_error(code, err)
    assert article.read_text(encoding="utf-8") == DAMAGED and not audit.default_log_path(article).exists()


class _FailingFile:
    """A file object whose writes fail like a full or broken disk."""

    def __init__(self, fh, error: int) -> None:
        self._fh, self._error = fh, error

    def write(self, data: bytes) -> int:
        raise OSError(self._error, os.strerror(self._error))

    def __getattr__(self, name: str):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("fails", ["audit log", "fixed file"])
def test_a_write_error_is_one_line_exit_2_and_nothing_changes(tmp_path, article, monkeypatch, error, fails):
    fileio = importlib.import_module("repairkit.fileio")
    real_fdopen, calls = os.fdopen, []

    def fdopen(fd, *args, **kwargs):
        calls.append(fd)
        fh = real_fdopen(fd, *args, **kwargs)
        failing = (fails == "audit log") == (len(calls) == 1)  # the log is written first
        return _FailingFile(fh, error) if failing else fh

    monkeypatch.setattr(fileio.os, "fdopen", fdopen)
    code, err = invoke("fix", str(article), "--write", "--isolated")
    assert os.strerror(error) in one_line_error(code, err) and str(article) in err
    assert article.read_text(encoding="utf-8") == DAMAGED
    assert not audit.default_log_path(article).exists(), "the log describes a write that did not happen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"], "a temporary file was left"


def test_a_read_only_file_is_refused(article):
    article.chmod(0o444)
    try:
        code, err = invoke("fix", str(article), "--write", "--isolated")
        assert "read-only" in one_line_error(code, err)
        assert article.read_text(encoding="utf-8") == DAMAGED
    finally:
        article.chmod(0o644)


def test_a_read_only_directory_is_refused_also_for_root(tmp_path, article):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, err = invoke("fix", str(article), "--write", "--isolated")
        assert "directory is read-only" in one_line_error(code, err)
        assert article.read_text(encoding="utf-8") == DAMAGED
    finally:
        tmp_path.chmod(0o755)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("what", ["deleted", "replaced"])
def test_a_file_deleted_or_replaced_after_the_scan_is_not_written(article, monkeypatch, what):
    fix_module = importlib.import_module("repairkit.cli.fix")
    real_plan = fix_module.plan

    def plan_then_meddle(*args, **kwargs):
        planned = real_plan(*args, **kwargs)
        if what == "deleted":
            article.unlink()
        else:
            article.write_text("Another editor's text.\n", encoding="utf-8")
        return planned

    monkeypatch.setattr(fix_module, "plan", plan_then_meddle)
    code, err = invoke("fix", str(article), "--write", "--isolated")
    assert f"{what if what == 'deleted' else 'changed'} while it was being fixed" in one_line_error(code, err)
    assert (not article.exists()) if what == "deleted" else article.read_text() == "Another editor's text.\n"
    assert not audit.default_log_path(article).exists()


def test_a_file_replaced_just_before_the_rename_is_not_overwritten(article, monkeypatch):
    fileio = importlib.import_module("repairkit.fileio")
    real_chmod, seen = os.chmod, []

    def chmod_then_meddle(path, mode, *args, **kwargs):  # the last step before the check and rename
        real_chmod(path, mode, *args, **kwargs)
        seen.append(path)
        if len(seen) == 2:  # the log went through; the fixed file's rename is next
            article.write_text("Edited meanwhile.\n", encoding="utf-8")

    monkeypatch.setattr(fileio.os, "chmod", chmod_then_meddle)
    code, err = invoke("fix", str(article), "--write", "--isolated")
    assert "changed since it was read" in one_line_error(code, err)
    assert article.read_text() == "Edited meanwhile.\n"
    assert not audit.default_log_path(article).exists(), "the withdrawn entry was the only one"


def test_revert_after_a_later_edit_refuses_and_changes_nothing(tmp_path, article):
    assert invoke("fix", str(article), "--write", "--isolated")[0] == 0
    log = audit.default_log_path(article)
    article.write_text(article.read_text(encoding="utf-8") + "A later line.\n", encoding="utf-8")
    edited, log_before = article.read_bytes(), log.read_bytes()
    code, err = invoke("revert", str(log))
    assert "changed since it was fixed" in one_line_error(code, err)
    assert article.read_bytes() == edited and log.read_bytes() == log_before


def test_revert_of_a_run_killed_between_its_log_and_its_rename(tmp_path, article):
    """The log was recorded, the fixed file never renamed into place: nothing to undo, no refusal."""
    fixed = fixed_text(tmp_path)
    log = audit.default_log_path(article)
    audit.record(log, [audit.make_entry(article, article, article.read_bytes(), fixed, "utf-8", [])])
    stale = tmp_path / ".a.txt.x1y2.tmp"  # what the killed write left
    stale.write_bytes(fixed[:10])
    code, err = invoke("revert", str(log))
    assert code == 0, err
    assert article.read_text(encoding="utf-8") == DAMAGED and not stale.exists()
    assert json.loads(log.read_text())["entries"] == []


def test_revert_killed_after_one_of_two_files_is_completed_by_a_second_revert(tmp_path):
    paths = []
    for name in ("a.txt", "b.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(DAMAGED, encoding="utf-8")
    log = tmp_path / "audit.json"
    assert invoke("fix", *map(str, paths), "--write", "--isolated", "--audit", str(log))[0] == 0
    fixed_b = paths[1].read_bytes()
    code, _ = faults.run_cli(["revert", str(log)], tmp_path, kill_before_replace_of="a.txt")
    assert code == -9
    assert paths[1].read_text(encoding="utf-8") == DAMAGED and paths[0].read_bytes() == fixed_b  # b first
    assert invoke("revert", str(log))[0] == 0
    assert all(p.read_text(encoding="utf-8") == DAMAGED for p in paths)
