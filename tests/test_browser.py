"""The HTML review in a real browser: loads without console messages, one highlight per finding.

Runs Debian's headless Chromium (``tests/setup_browser.sh`` installs it; ``make test`` runs
that). Skips, saying why, only when no chromium can be found. Screenshots are kept under
``test-artifacts/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from repairkit.document import Document
from repairkit.model import CATEGORIES, Applicability, Finding, Severity, Span, Suggestion
from repairkit.pipeline import DocumentResult
from repairkit.report import html
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught")
BROWSER_TIMEOUT = 120  # seconds; a hang is reported as a failure, not a wait forever


def find_chromium() -> str | None:
    """The chromium executable, from $CHROMIUM, the PATH or Debian's location."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not found (run tests/setup_browser.sh as root "
                                                         "or set $CHROMIUM); the browser check needs a real browser")


def browse(page: Path, profile: Path, *extra: str) -> tuple[str, str]:
    """Run headless chromium on ``page``; returns (stdout, console lines from stderr)."""
    assert CHROMIUM is not None
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
                          capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if CONSOLE.search(line)]
    return proc.stdout, "\n".join(console)


def dom_and_screenshot(page: Path, tmp_path: Path, shot: Path) -> tuple[str, str]:
    dom, console = browse(page, tmp_path / "profile-dom", "--dump-dom")
    shot.parent.mkdir(parents=True, exist_ok=True)
    _, console_shot = browse(page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2000",
                             "--hide-scrollbars")
    assert shot.is_file() and shot.stat().st_size > 10_000, "screenshot not written"
    return dom, console + console_shot


def test_console_check_catches_a_broken_page(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><p>x</p><script>notDefined();</script>", encoding="utf-8")
    _, console = browse(page, tmp_path / "profile", "--dump-dom")
    assert "notDefined" in console


def test_fixture_report_loads_cleanly_with_one_highlight_per_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["review", "fixtures/scraped_commentary.txt", "--reference",
                                       "fixtures/structured_article.txt", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "scraped_commentary.json").read_text(encoding="utf-8"))
    n_findings = len(report["documents"][0]["findings"])
    dom, console = dom_and_screenshot(tmp_path / "scraped_commentary.html", tmp_path,
                                      ARTIFACTS / "scraped_commentary.png")
    assert console == "", console
    assert dom.count("<mark") == n_findings
    assert '<p class="controls">' in dom, "the page script ran (it reveals the filter control)"


def test_overlapping_findings_each_show_in_the_browser(tmp_path):
    text = "<script>alert(1)</script> Anna plays well and thecat sat, In , the th time.\n" * 3
    findings = []
    for i, (s, e) in enumerate([(0, 25), (8, 16), (10, 40), (40, 40), (45, 60), (50, 52), (0, 80), (100, 140),
                                (120, 121), (150, 150), (160, 200), (170, 230)]):
        sugg = Suggestion(Span(s, s), None if i % 2 else "x", 0.95 if i % 2 == 0 else 0.0,
                          Applicability.SAFE if i % 2 == 0 else Applicability.MANUAL, "note <i>n</i>")
        findings.append(Finding(f"RK{100 + i}", "demo", CATEGORIES[i], Severity.WARNING, Span(s, e), "m", (sugg,)))
    page = tmp_path / "overlap.html"
    page.write_text(html.render_document(DocumentResult(Document.from_text(text, "overlap.txt"), findings)),
                    encoding="utf-8")
    dom, console = dom_and_screenshot(page, tmp_path, ARTIFACTS / "overlap.png")
    assert console == "", "a document's <script> must not run, and the page logs nothing"
    assert dom.count("<mark") == len(findings)
    assert "<script>alert" not in dom
    shown = re.search(r'<div class="text" id="text">(.*?)</div>', dom, re.S)
    assert shown and unescape(re.sub(r"<[^>]+>", "", shown.group(1))) == text, "the browser shows the text verbatim"
