"""A short fuzz run over arbitrary bytes (the long one: ``python -m benchmarks.fuzz``, issue 18).

The properties are :func:`benchmarks.fuzz.check_one`'s: a refusal is one line; every span lies
inside the text and the JSON ``text`` is the original's; the JSON report and the SARIF log
validate against their schemas; ``fix`` is idempotent; ``revert`` is byte-exact.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import fuzz
from repairkit.cli import main

PIECES = st.sampled_from([s.encode() for s in fuzz.SEEDS] + [
    b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n", b"\x1b[0m", b"\x1b[", b"\x01", b"\x7f",
    "\u200b".encode(), "\u00ad".encode(), "\ufeff".encode(), b"  ", b" , ", b"th", b"\n\n", b"\xc3", b"\xe2\x80"])
BYTES = st.one_of(st.binary(max_size=300), st.lists(PIECES, max_size=10).map(b"".join))


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
def test_scan_fix_revert_properties_over_arbitrary_bytes(data: bytes) -> None:
    assert fuzz.check_one(data) in ("refused", "clean", "scanned", "fixed")


def test_the_seeds_reach_the_fix_and_revert() -> None:
    outcomes = [fuzz.check_one(seed.encode()) for seed in fuzz.SEEDS]
    assert outcomes.count("fixed") >= 3 and "refused" not in outcomes, outcomes


def test_a_property_failure_is_caught(monkeypatch):
    """check_one is not blind: a fix that is not idempotent is reported."""
    fixloop = pytest.importorskip("repairkit.fixloop")
    calls = []
    real = fixloop.fix_result

    def drifting(result, rules, *args, **kwargs):
        planned = real(result, rules, *args, **kwargs)
        calls.append(1)
        planned.text += "x" * len(calls)
        return planned

    monkeypatch.setattr(fixloop, "fix_result", drifting)
    with pytest.raises(fuzz.PropertyFailure, match="idempotent"):
        fuzz.check_one(b"A plain line.")


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["scan", str(path), "--isolated", "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
