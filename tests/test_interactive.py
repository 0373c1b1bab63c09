"""``repairkit fix --interactive``: driven with typed answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit import registry
from repairkit.cli import main
from tests._toy import TOY

TEXT = "We dont know. They wont say. It isnt clear. A wellknown firm.\n"


@pytest.fixture(autouse=True)
def toy_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    real = registry.all_detectors()
    # Only the missing-number family (for unresolved places) and the toy rule: the real
    # apostrophe/hyphen families would otherwise propose their own edits on the same words.
    numbers = tuple(s for s in real if s.code.startswith("RK1"))
    monkeypatch.setattr(registry, "all_detectors", lambda: (*numbers, TOY))


def drive(tmp_path: Path, answers: str, *extra: str) -> tuple[Path, str, str, int]:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(path), "--interactive", *extra], input=answers)
    return path, result.stdout, result.stderr, result.exit_code


def test_accept_reject_edit_and_quit(tmp_path):
    # dont: accept; wont: reject; isnt: edit to "isn't" by typing; wellknown (unsafe, still offered): quit.
    path, out, err, code = drive(tmp_path, "y\nn\ne\n'\nq\n")
    assert code == 0
    assert path.read_text() == "We don't know. They wont say. It isn't clear. A wellknown firm.\n"
    assert "We don{+'+}t know." in err and "unsafe, confidence 0.70" in err and out == ""
    assert (tmp_path / "a.txt.repairkit-audit.json").exists()


def test_edit_replacement_is_written(tmp_path):
    path, _, _, _ = drive(tmp_path, "e\n’\ns\n")
    assert path.read_text().startswith("We don’t know. They wont say.")


def test_bad_answer_is_asked_again_and_skip_file_writes_nothing_more(tmp_path):
    path, _, err, code = drive(tmp_path, "maybe\ns\n")
    assert code == 0 and "maybe" in err and path.read_text() == TEXT


def test_interactive_with_diff_changes_nothing(tmp_path):
    path, out, _, code = drive(tmp_path, "y\ny\ny\ny\n", "--diff")
    assert code == 1 and path.read_text() == TEXT and out.startswith("--- a/")
    assert "+We don't know. They won't say. It isn't clear. A well-known firm." in out


def test_input_that_ends_early_writes_nothing_and_says_so(tmp_path):
    path, _, err, code = drive(tmp_path, "y\n")  # four questions, one answer, then end of input
    assert code == 2 and path.read_text() == TEXT
    assert "the input ended or was interrupted before every suggestion was answered" in err and "Traceback" not in err
    assert not (tmp_path / "a.txt.repairkit-audit.json").exists()


def test_counter_and_accept_all_safe(tmp_path):
    # dont (safe): accept all safe; wont, isnt (safe) follow unasked; wellknown (unsafe) is still asked: reject.
    path, _, err, code = drive(tmp_path, "a\nn\n")
    assert code == 0 and path.read_text() == "We don't know. They won't say. It isn't clear. A wellknown firm.\n"
    assert "[1 of 4] " in err and "[4 of 4] " in err and "[2 of 4]" not in err


def test_skip_file_leaves_the_rest_unmarked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We dont know. It began in , the organisers said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(path), "--interactive", "--mark-unresolved"], input="s\n")
    assert result.exit_code == 0 and path.read_text() == "We dont know. It began in , the organisers said.\n"
