"""Decisions files (``repairkit.decisions/1``): the schema, ``fix --decisions`` and ``review --decisions``.

The browser end of the loop (making the decisions in the page and downloading them) is in
``tests/test_browser_decisions.py``; here the files are written by hand, as the page writes them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from repairkit.cli import main
from repairkit.repair import decisions
from repairkit.repair.audit import default_log_path
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "repairkit" / "schemas" / "decisions-1.schema.json").read_text(encoding="utf-8"))
TEXT = "In , the yearonyear rise of Chinas trade was the th in a row.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def decision_file(path: Path, doc_bytes: bytes, *records: dict[str, Any]) -> Path:
    sha = hashlib.sha256(doc_bytes).hexdigest()
    data = {"schema": decisions.SCHEMA_TAG, "tool": {"name": "repairkit", "version": "0"},
            "document": {"path": "a.txt", "sha256": sha, "length": len(doc_bytes.decode("utf-8"))},
            "references": [], "decisions": list(records)}
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def accepted(fid: str, start: int, end: int, after: str, text: str = TEXT) -> dict[str, Any]:
    return {"finding": fid, "code": fid[:5], "category": "missing-hyphen", "decision": "accepted", "suggestion": 0,
            "start": start, "end": end, "before": text[start:end], "after": after, "value_source": "suggestion",
            "confidence": 0.97, "applicability": "safe", "note": "rule",
            "evidence": [{"source": "ref.txt", "start": 1, "end": 3, "quote": "x"}]}


def edited(fid: str, at: int, value: str) -> dict[str, Any]:
    return {"finding": fid, "code": fid[:5], "category": "missing-number", "decision": "edited", "suggestion": None,
            "start": at, "end": at, "before": "", "after": value, "value_source": "editor"}


def rejected(fid: str) -> dict[str, Any]:
    return {"finding": fid, "code": fid[:5], "category": "missing-apostrophe", "decision": "rejected"}


@pytest.fixture
def doc_and_decisions(tmp_path: Path) -> tuple[Path, Path]:
    target = tmp_path / "a.txt"
    target.write_bytes(TEXT.encode("utf-8"))
    y = TEXT.index("yearonyear")
    th = TEXT.index("th in a row")
    dec = decision_file(tmp_path / "a.decisions.json", target.read_bytes(),
                        accepted(f"RK301-{y}-{y + 10}", y, y + 10, "year-on-year"),
                        edited(f"RK101-{th}-{th + 2}", th, "12"),
                        rejected("RK202-29-34"))
    return target, dec


def test_fix_applies_exactly_the_accepted_and_edited_and_revert_restores(doc_and_decisions):
    target, dec = doc_and_decisions
    original = target.read_bytes()
    code, out, err = run("fix", str(target), "--decisions", str(dec), "--write")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == TEXT.replace("yearonyear", "year-on-year").replace(
        "the th in", "the 12th in"), "the rejected apostrophe and every other suggestion stay out"
    assert "2 edits" in err
    log = json.loads(default_log_path(target).read_text(encoding="utf-8"))
    edits = log["entries"][0]["edits"]
    assert [(e["after"], e["decision"], e["value_source"]) for e in edits] == [
        ("year-on-year", "accepted", "suggestion"), ("12", "edited", "editor")]
    typed = edits[1]
    assert typed["confidence"] == 0 and typed["applicability"] == "manual" and typed["evidence"] == []
    assert decisions.EDITOR_NOTE in typed["note"], "a typed value says it comes from the editor, not a source"
    assert edits[0]["evidence"][0]["source"] == "ref.txt" and edits[0]["confidence"] == 0.97
    code, _, err = run("revert", str(default_log_path(target)))
    assert code == 0, err
    assert target.read_bytes() == original


def test_fix_decisions_diff_changes_nothing(doc_and_decisions):
    target, dec = doc_and_decisions
    code, out, _ = run("fix", str(target), "--decisions", str(dec))
    assert code == 1 and "+In , the year-on-year rise of Chinas trade was the 12th in a row." in out
    assert target.read_text(encoding="utf-8") == TEXT
    assert not default_log_path(target).exists()


def test_fix_decisions_output_writes_elsewhere(tmp_path, doc_and_decisions):
    target, dec = doc_and_decisions
    code, _, err = run("fix", str(target), "--decisions", str(dec), "--output", str(tmp_path / "fixed.txt"))
    assert code == 0, err
    assert "year-on-year" in (tmp_path / "fixed.txt").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == TEXT


def one_line_exit_2(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 2, (args, out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_fix_refuses_another_version_of_the_document(doc_and_decisions):
    target, dec = doc_and_decisions
    target.write_text(TEXT + "One more line.\n", encoding="utf-8")
    err = one_line_exit_2("fix", str(target), "--decisions", str(dec), "--write")
    assert "made on another version" in err and "sha256" in err
    assert target.read_text(encoding="utf-8") == TEXT + "One more line.\n"


def test_bad_decisions_files_are_refused_with_one_line(tmp_path, doc_and_decisions):
    target, dec = doc_and_decisions
    data = json.loads(dec.read_text(encoding="utf-8"))
    cases = {
        "not json": "{",
        "wrong schema": json.dumps({**data, "schema": "repairkit.findings/1"}),
        "accepted without its edit": json.dumps({**data, "decisions": [
            {k: v for k, v in data["decisions"][0].items() if k != "after"}]}),
        "editor value marked as a suggestion": json.dumps({**data, "decisions": [
            {**data["decisions"][1], "value_source": "suggestion"}]}),
        "decided twice": json.dumps({**data, "decisions": [data["decisions"][0]] * 2}),
        "edit not matching the text": json.dumps({**data, "decisions": [{**data["decisions"][0], "before": "nope"}]}),
        "two edits on the same text": json.dumps({**data, "decisions": [
            data["decisions"][0], {**data["decisions"][0], "finding": "RK399-9-19", "after": "year on year"}]}),
    }
    messages = {}
    for label, content in cases.items():
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        messages[label] = one_line_exit_2("fix", str(target), "--decisions", str(bad), "--write")
        assert target.read_text(encoding="utf-8") == TEXT, label
    assert "at decisions/0" in messages["accepted without its edit"] and "'after'" in messages[
        "accepted without its edit"]
    assert "decided more than once" in messages["decided twice"]
    assert "does not match the text" in messages["edit not matching the text"]
    assert "change the same text" in messages["two edits on the same text"]
    assert "not a repairkit decisions file" in messages["wrong schema"]
    one_line_exit_2("fix", str(target), "--decisions", str(tmp_path / "missing.json"))


def test_decisions_exclude_other_modes_and_several_inputs(tmp_path, doc_and_decisions):
    target, dec = doc_and_decisions
    for flag in ("--unsafe", "--mark-unresolved", "--interactive"):
        code, _, err = run("fix", str(target), "--decisions", str(dec), flag)
        assert code == 2 and "--decisions excludes" in err, flag
    other = tmp_path / "b.txt"
    other.write_text("x\n", encoding="utf-8")
    code, _, err = run("fix", str(target), str(other), "--decisions", str(dec))
    assert code == 2 and "one input file" in err


def test_review_with_decisions_summarises_them_for_the_desk(tmp_path, doc_and_decisions):
    target, dec = doc_and_decisions
    code, _, err = run("review", str(target), "--decisions", str(dec), "--out", str(tmp_path / "out"))
    assert code == 0, err
    md = (tmp_path / "out" / "a.md").read_text(encoding="utf-8")
    desk = md.split("## Decisions")[1].split("## Findings")[0]
    rows = dict(re.findall(r"^\| ([a-z*-]+) \| (\d+ \| \d+ \| \d+ \| \d+) \|$", desk, re.M))
    assert rows["missing-hyphen"].startswith("1 | 0 | 0 |")
    assert rows["missing-number"].startswith("0 | 1 | 0 |")
    assert "a value typed by the editor (not from a source)" in md
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)[1])
    assert {d["d"] for d in data["initial"].values()} >= {"accepted", "edited"}, "the page starts from them"
    plain = run("review", str(target), "--out", str(tmp_path / "plain"))
    assert plain[0] == 0
    assert "None recorded yet" in (tmp_path / "plain" / "a.md").read_text(encoding="utf-8")
    target.write_text(TEXT + "changed\n", encoding="utf-8")
    err = one_line_exit_2("review", str(target), "--decisions", str(dec), "--out", str(tmp_path / "out2"))
    assert "matches no input" in err and not (tmp_path / "out2").exists()


def test_the_demo_decisions_file_validates_and_its_reports_are_fresh(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    dec = ROOT / "reports" / "scraped_commentary.decisions.json"
    assert dec.is_file(), "reports/scraped_commentary.decisions.json missing: run `make demo`"
    data = json.loads(dec.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert {d["decision"] for d in data["decisions"]} == {"accepted", "edited", "rejected"}
    code, _, err = run("review", "fixtures/scraped_commentary.txt", "--reference", "fixtures/structured_article.txt",
                       "--decisions", str(dec.relative_to(ROOT)), "--out", str(tmp_path))
    assert code == 0, err
    for name in ("scraped_commentary.html", "scraped_commentary.md", "scraped_commentary.json"):
        committed = ROOT / "reports" / "decided" / name
        assert committed.is_file() and (tmp_path / name).read_text(encoding="utf-8") == committed.read_text(
            encoding="utf-8"), f"reports/decided/{name} is stale: run `make demo` and commit reports/"
    for shot in ("scraped_commentary.png", "scraped_commentary-decided.png"):
        assert (ROOT / "reports" / shot).stat().st_size > 10_000, shot
