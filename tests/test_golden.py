"""The core's findings over a fixed corpus sample are those of ``tests/golden/findings.jsonl``.

A change that alters them regenerates the file (``python -m benchmarks.golden --write``) and
explains every difference in its commit.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.golden import CORPUS, GOLDEN, compare, golden_lines


@pytest.mark.skipif(not (CORPUS / "news.jsonl").exists(), reason="the shared corpus is not beside the checkout")
def test_findings_match_the_golden_file():
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    diffs = compare(expected, list(golden_lines()))
    assert not diffs, "\n".join(diffs[:40])
