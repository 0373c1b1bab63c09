"""Inputs from the wild and hostile references, through the command line (issue 18).

Control characters are scanned and reported, not refused; a NUL or mostly undecodable bytes
stay "binary"; mixed line endings, lone CRs, invisible characters inside words and a mid-file
BOM keep every offset true; hostile references end in one line and exit 2, or in a normal scan.
Their speed and memory are measured in ``python -m benchmarks.robustness``.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.robustness import span_problems
from repairkit.cli import main

CLEAN = ("The board met on Monday to discuss the merger. Shareholders approved the plan, "
         "the chairman said.\n\nTrading in the shares resumed on Tuesday.\n")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def scan_json(path: Path, *args: str) -> tuple[int, dict | None, str]:
    code, out, err = invoke("scan", str(path), "--isolated", "--format", "json", *args)
    return code, (json.loads(out) if code in (0, 1) else None), err


def findings(report: dict, code: str) -> list[dict]:
    return [f for d in report["documents"] for f in d["findings"] if f["code"] == code]


def test_control_characters_are_reported_with_their_code_points_and_removed_safely(tmp_path):
    path = tmp_path / "scraped.txt"
    text = CLEAN.replace("Monday", "Monday\x01").replace("plan,", "\x1b[1mplan\x1b[0m,").replace("Tuesday", "Tuesday \x7f")
    path.write_text(text, encoding="utf-8")
    code, report, err = scan_json(path)
    assert code in (0, 1), err
    rk802 = findings(report, "RK802")
    assert [f["text"] for f in rk802] == ["\x01", "\x1b[1m", "\x1b[0m", "\x7f"]
    assert "U+0001" in rk802[0]["message"] and "U+007F" in rk802[-1]["message"]
    assert span_problems(text, report) == 0
    assert [s["applicability"] for f in rk802 for s in f["suggestions"]][0] == "safe"
    assert invoke("fix", str(path), "--write", "--isolated")[0] == 0
    fixed = path.read_text(encoding="utf-8")
    assert "\x01" not in fixed and "\x7f" not in fixed and "Monday to" in fixed
    assert invoke("revert", f"{path}.repairkit-audit.json")[0] == 0
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("data", "message"), [
    (CLEAN.encode().replace(b"Monday", b"Mon\x00day"), "looks like a binary file"),
    (bytes(range(128, 256)) * 4 + b"some text", "looks like a binary file"),
    (CLEAN.encode().replace(b"merger", b"merg\xe9r"), "not valid UTF-8 (byte"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 10, "looks like a binary file"),
])
def test_nul_and_undecodable_bytes_stay_refused_in_one_line(tmp_path, data, message):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    code, _, err = scan_json(path)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err


def test_mixed_line_endings_invisibles_in_words_and_a_mid_file_bom_keep_offsets_true(tmp_path):
    text = ("Line one.\r\nLine two.\rLine three.\n\nCo\u200boperation and re\u00adform went on; "
            "a second\ufeff file began here.\r\n\u200b\r\nThe end.\n")
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode("utf-8"))
    code, report, err = scan_json(path)
    assert code in (0, 1), err
    assert span_problems(text, report) == 0
    invisible = [(f["start"], f["text"]) for f in findings(report, "RK804")]
    assert invisible == [(text.index("\u200b"), "\u200b"), (text.index("\u00ad"), "\u00ad"),
                         (text.index("\ufeff"), "\ufeff")], "the zero-width space alone on its line is no damage"
    assert invoke("fix", str(path), "--write", "--isolated")[0] == 0
    assert b"\r\nLine two.\rLine three." in path.read_bytes(), "line endings are kept"
    assert invoke("revert", f"{path}.repairkit-audit.json")[0] == 0 and path.read_bytes() == text.encode()


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(CLEAN.replace("Shareholders", "Shareholder s").replace("the shares", "the shares  "),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "the reference is empty"),
    ("bad.json", b'{"schema": "repairkit.reference/1", "text": ', "not valid JSON (line 1"),
    ("bad.jsonl", b'{"id": 1, "text": "ok"\n', "bad.jsonl:1: not a reference record"),
    ("binary.txt", b"\x00\x01\x02", "looks like a binary file"),
])
def test_a_malformed_reference_is_one_line_naming_file_and_line(document, name, content, message):
    reference = document.parent / name
    reference.write_bytes(content)
    code, _, err = scan_json(document, "--reference", str(reference))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err


def test_a_jsonl_library_with_one_bad_line_reports_it_and_uses_the_rest(document, caplog):
    library = document.parent / "lib.jsonl"
    library.write_text("\n".join([json.dumps({"id": "a", "text": CLEAN}), '{"id": "b", "text": ',
                                  json.dumps({"id": "c", "text": "An unrelated note about the weather."})]),
                       encoding="utf-8")
    code, report, err = scan_json(document, "--reference", str(library))
    assert code in (0, 1), err
    (warning,) = [r.getMessage() for r in caplog.records]  # on stderr, alone, when logging is not set up
    assert warning.startswith(f"{library}:2: not a reference record") and "line skipped" in warning
    assert [r["path"] for r in report["documents"][0]["references"]] == [f"{library}#a", f"{library}#c"]


def test_an_oversized_reference_is_refused_before_it_is_read_as_text(document, monkeypatch):
    parse = importlib.import_module("repairkit.reference.parse")
    monkeypatch.setattr(parse, "MAX_REFERENCE_BYTES", 4096)  # as a 100 MB file is against 10 MB
    reference = document.parent / "huge.txt"
    reference.write_text(CLEAN * 100, encoding="utf-8")
    code, _, err = scan_json(document, "--reference", str(reference))
    assert code == 2 and "too large for one reference article" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["identical", "unrelated", "one sentence repeated"])
def test_odd_but_valid_references_give_a_normal_scan(document, kind):
    reference = document.parent / "ref.txt"
    reference.write_text({"identical": document.read_text(encoding="utf-8"),
                          "unrelated": "The orchestra played Brahms in the old hall to a full house.\n",
                          "one sentence repeated": "The board met on Monday to discuss the merger. " * 3000}[kind],
                         encoding="utf-8")
    code, report, err = scan_json(document, "--reference", str(reference))
    assert code in (0, 1), err
    assert span_problems(document.read_text(encoding="utf-8"), report) == 0
