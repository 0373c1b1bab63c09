"""`repairkit batch`: order, error lines, --resume after a kill, worker counts, exit codes, usage errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from tests.conftest import ARTICLE, COMMENTARY, ROOT

SENTENCES = [s.strip() + "." for s in COMMENTARY.read_text(encoding="utf-8").split(".") if len(s.split()) > 3]


def texts(n: int, long_every: int = 0) -> list[str]:
    """``n`` damaged texts of varied length, cut from the fixture commentary (some long, to finish late)."""
    out = []
    for i in range(n):
        size = 25 if long_every and i % long_every == 0 else 1 + i % 4
        out.append(" ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(size)))
    return out


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """40 documents; every 7th is long, so with several workers later chunks finish first."""
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"doc-{i:03d}", "text": t} for i, t in enumerate(texts(40, 7))])


def run_batch(runner: CliRunner, *args: str) -> tuple[int, list[dict], str]:
    result = runner.invoke(main, ["batch", *args])
    assert result.exit_code in (0, 1), result.output
    out = Path(args[args.index("-o") + 1]).read_text(encoding="utf-8") if "-o" in args else result.stdout
    return result.exit_code, [json.loads(line) for line in out.splitlines()], result.stderr


def test_output_keeps_input_order_and_is_the_same_for_any_worker_count(runner, corpus, tmp_path):
    outs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        code, lines, stderr = run_batch(runner, str(corpus), "-o", str(out), "--workers", workers)
        assert code == 1 and [d["id"] for d in lines] == [f"doc-{i:03d}" for i in range(40)]
        assert stderr.startswith("batch: 40 documents, ") and "documents/s" in stderr and "by category:" in stderr
        outs[workers] = out.read_bytes()
    assert outs["1"] == outs["2"]


def test_each_line_is_the_document_form_of_the_json_contract(runner, tmp_path, findings_schema):
    import jsonschema

    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "c", "text": COMMENTARY.read_text(encoding="utf-8")}])
    _, (line,), _ = run_batch(runner, str(source), "-r", str(ARTICLE))
    scan = runner.invoke(main, ["scan", "--format", "json", str(COMMENTARY), "-r", str(ARTICLE)])
    (doc,) = json.loads(scan.stdout)["documents"]
    assert line.pop("id") == "c" and line.pop("path") == "c" and doc.pop("path") == str(COMMENTARY)
    assert line == doc  # same findings, same references; the sha256 is of the same UTF-8 bytes
    report = {"schema": "repairkit.findings/1", "tool": {"name": "repairkit", "version": "0"},
              "documents": [{"path": "c", **line}], "summary": json.loads(scan.stdout)["summary"]}
    jsonschema.Draft202012Validator(findings_schema).validate(report)


def test_bad_lines_become_error_lines_and_the_run_goes_on(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    good = {"id": "good", "text": "the th summit"}
    source.write_bytes(b"\n".join([
        json.dumps({"id": "first", "text": "a clean line of text"}).encode(),
        b"{not json",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "number", "text": 42}).encode(),
        json.dumps({"id": "refs", "text": "t", "reference_ids": "r1"}).encode(),
        json.dumps({"id": "orphan-refs", "text": "t", "reference_ids": ["r1"]}).encode(),
        b'{"id": "latin1", "text": "caf\xe9"}',
        b"[1, 2]",
        b"",
        json.dumps({"text": "the th summit, no id"}).encode(),
        json.dumps(good).encode(),
    ]) + b"\n")
    code, lines, stderr = run_batch(runner, str(source), "--workers", "2")
    assert [(d["id"], d.get("line"), "error" in d) for d in lines] == [
        ("first", None, False), (None, 2, True), ("no-text", 3, True), ("number", 4, True), ("refs", 5, True),
        ("orphan-refs", 6, True), (None, 7, True), (None, 8, True), (10, None, False), ("good", None, False)]
    errors = {d.get("line"): d["error"] for d in lines if "error" in d}
    assert errors[2].startswith("line 2: not valid JSON") and errors[3] == 'line 3: no "text"'
    assert "not UTF-8" in errors[7] and "expected a JSON object" in errors[8]
    assert "reference_ids given but no --reference" in errors[6]
    assert lines[-1]["findings"][0]["code"] == "RK101"
    assert code == 1 and "(7 errors)" in stderr
    assert runner.invoke(main, ["batch", str(source), "--fail-on", "never"]).exit_code == 0
    only_clean = write_jsonl(tmp_path / "clean.jsonl", [{"id": "x", "text": "Nothing wrong here."}, "{bad"])
    assert runner.invoke(main, ["batch", str(only_clean), "--select", "RK101"]).exit_code == 1  # a failed document


def test_directory_input_reads_files_as_scan_does(runner, tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("the th summit\n", encoding="utf-8")
    (folder / "a.md").write_text("In , the summit.\n", encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes("the th\n".encode("utf-16"))
    (folder / "sub" / "d.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (folder / ".hidden.txt").write_text("skipped\n", encoding="utf-8")
    (folder / "notes.rst").write_text("skipped\n", encoding="utf-8")
    _, lines, _ = run_batch(runner, str(folder))
    assert [d["id"] for d in lines] == ["a.md", "b.txt", "sub/c.txt", "sub/d.txt"]
    assert "binary" in lines[3]["error"] and "line" not in lines[3]
    scan = json.loads(runner.invoke(main, ["scan", "--format", "json", str(folder / "a.md"), str(folder / "b.txt"),
                                           str(folder / "sub" / "c.txt")]).stdout)
    assert [{k: v for k, v in d.items() if k != "id"} for d in lines[:3]] == scan["documents"]


def test_standard_input(runner):
    result = runner.invoke(main, ["batch", "-", "--select", "RK101"], input='{"id": 1, "text": "the th summit"}\n')
    assert result.exit_code == 1 and json.loads(result.stdout)["findings"][0]["code"] == "RK101"


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_resume_after_a_kill_gives_the_same_file_as_one_run(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts(400))])
    command = [sys.executable, "-m", "repairkit", "batch", str(source), "--workers", "1", "--fail-on", "never"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command, "-o", str(whole)], check=True, env=env, capture_output=True, timeout=300)
    killed = tmp_path / "killed.jsonl"
    proc = subprocess.Popen([*command, "-o", str(killed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _lines(killed) < 30 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = _lines(killed)
    assert 30 <= written < 400, "the run was to be killed half-way"
    resumed = subprocess.run([*command, "-o", str(killed), "--resume"], env=env, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{written} already in the output, skipped" in resumed.stderr
    assert killed.read_bytes() == whole.read_bytes()


def test_resume_drops_a_line_cut_short_and_repeats_nothing(runner, corpus, tmp_path):
    whole = tmp_path / "whole.jsonl"
    run_batch(runner, str(corpus), "-o", str(whole), "--workers", "1")
    data = whole.read_bytes()
    cut = tmp_path / "cut.jsonl"
    ends = [i for i, b in enumerate(data) if b == ord("\n")]
    cut.write_bytes(data[: ends[11] + 1 + 40])  # 12 whole lines and the start of the 13th
    result = runner.invoke(main, ["batch", str(corpus), "-o", str(cut), "--resume", "--workers", "2"])
    assert result.exit_code == 1 and "12 already in the output" in result.stderr
    assert cut.read_bytes() == data
    again = runner.invoke(main, ["batch", str(corpus), "-o", str(cut), "--resume"])
    assert again.exit_code == 0 and "batch: 0 documents" in again.stderr and cut.read_bytes() == data


def test_resume_refuses_a_file_that_is_not_batch_output(runner, corpus, tmp_path):
    other = tmp_path / "other.jsonl"
    other.write_text('{"name": "x"}\n', encoding="utf-8")
    result = runner.invoke(main, ["batch", str(corpus), "-o", str(other), "--resume"])
    assert result.exit_code == 2 and "not a line of `repairkit batch` output" in result.stderr
    assert other.read_text(encoding="utf-8") == '{"name": "x"}\n'


@pytest.mark.parametrize(("args", "message"), [
    (["missing.jsonl"], "no such file or directory"),
    (["{corpus}", "--select", "RK999"], "RK999"),
    (["{corpus}", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["{corpus}", "--resume"], "--resume needs --output"),
    (["{corpus}", "-o", "{corpus}"], "is the input"),
    (["{corpus}", "-o", "{existing}"], "already exists; --resume continues it, --overwrite replaces it"),
    (["{empty}"], "no *.txt or *.md files"),
    (["{corpus}", "-r", "{missing_ref}"], "no such"),
])
def test_usage_errors_exit_2_with_one_line(runner, corpus, tmp_path, args, message):
    existing = tmp_path / "existing.jsonl"
    existing.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    values = {"corpus": str(corpus), "existing": str(existing), "empty": str(tmp_path / "empty"),
              "missing_ref": str(tmp_path / "nope.txt")}
    result = runner.invoke(main, ["batch", *(a.format(**values) for a in args)])
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    assert existing.read_text(encoding="utf-8") == "keep me\n"


def test_overwrite_replaces_an_existing_output(runner, corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    code, lines, _ = run_batch(runner, str(corpus), "-o", str(out), "--overwrite")
    assert len(lines) == 40


def test_progress_bar_only_when_asked_or_on_a_terminal(runner, corpus):
    quiet = runner.invoke(main, ["batch", str(corpus), "--select", "RK101"])
    assert "docs/s" not in quiet.stderr and " docs" not in quiet.stderr  # not a terminal: no bar
    shown = runner.invoke(main, ["batch", str(corpus), "--select", "RK101", "--progress"])
    assert "40 docs" in shown.stderr


def test_dask_local_cluster_of_two_worker_processes_gives_the_local_output(runner, corpus, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    pids: list[dict[str, int]] = []
    close = distributed.Client.close

    def record_workers_then_close(self, *args, **kwargs):
        if self.status == "running":
            pids.append(self.run(os.getpid))
        return close(self, *args, **kwargs)

    monkeypatch.setattr(distributed.Client, "close", record_workers_then_close)
    local = tmp_path / "local.jsonl"
    run_batch(runner, str(corpus), "-o", str(local), "--workers", "2", "-r", str(ARTICLE))
    dask_out = tmp_path / "dask.jsonl"
    code, lines, stderr = run_batch(runner, str(corpus), "-o", str(dask_out), "--engine", "dask", "--workers", "2",
                                    "-r", str(ARTICLE))
    assert dask_out.read_bytes() == local.read_bytes() and len(lines) == 40
    assert stderr.startswith("batch: 40 documents")
    (workers,) = pids
    assert len(workers) == 2 and len(set(workers.values())) == 2 and os.getpid() not in workers.values()


def test_workers_share_the_parents_reference_index_and_open_their_own_library_file(runner, corpus, tmp_path,
                                                                                   monkeypatch):
    from repairkit.reference.library import Library

    refs = write_jsonl(tmp_path / "refs.jsonl", [
        {"id": "a", "title": "Commentary", "text": COMMENTARY.read_text(encoding="utf-8")},
        {"id": "b", "title": "Other", "text": "The striker scored twice in the derby on Sunday."},
        {"id": "c", "title": "Rates", "text": "The central bank raised interest rates again."},
        {"id": "d", "title": "Port", "text": "The harbour reopened after the storm."}])
    built: list[int] = []
    index = Library.__init__

    def recording(self, entries):
        built.append(os.getpid())
        index(self, entries)

    monkeypatch.setattr(Library, "__init__", recording)
    outs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"jsonl-{workers}.jsonl"
        run_batch(runner, str(corpus), "-o", str(out), "--workers", workers, "-r", str(refs))
        outs[workers] = out.read_bytes()
    assert built == [os.getpid()]  # indexed once, here: the cached worker serves both runs and every child
    assert outs["1"] == outs["2"] and b'"references": [{"path": ' in outs["1"]
    db = tmp_path / "refs.db"
    assert runner.invoke(main, ["library", "build", str(refs), "-o", str(db)]).exit_code == 0
    for workers in ("2", "1"):  # forked children must not use the parent's SQLite connection
        out = tmp_path / f"db-{workers}.jsonl"
        run_batch(runner, str(corpus), "-o", str(out), "--workers", workers, "-r", str(db))
        outs[f"db{workers}"] = out.read_bytes()
    assert outs["db1"] == outs["db2"]
    refs_used = {json.dumps(json.loads(line)["references"]) for line in outs["db1"].splitlines()}
    assert any("refs.jsonl#a" in r for r in refs_used)
