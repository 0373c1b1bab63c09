"""Driving the review page in Debian's Chromium with Playwright: shared by the browser tests and
``make demo`` (``python -m tests.review_browser PAGE``, which writes the screenshots before and
after a few decisions and the decisions file next to the page).

Playwright is given the system browser (``executable_path``); ``playwright install`` is never
needed (nor possible here: browser downloads are blocked).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The value the demo types for a missing number, as an editor who checked the source would.
DEMO_VALUE = "24"


def find_chromium() -> str | None:
    """The chromium executable, from $CHROMIUM, the PATH or Debian's location."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass
class Session:
    """An open page and what it logged (console messages of any level, uncaught errors, dialogs)."""

    page: Any
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        """The page's own data block, as its script reads it."""
        data: dict[str, Any] = json.loads(self.page.locator("#review-data").text_content())
        return data

    def current(self) -> str | None:
        """The id of the finding the keyboard is on."""
        value: str | None = self.page.evaluate(
            "() => { const c = document.querySelector('li.item.current'); return c && c.dataset.id; }")
        return value

    def go_to(self, finding_id: str) -> None:
        """Press ``j`` (or ``k``, when it lies above) until the keyboard is on ``finding_id``."""
        order: list[str] = self.page.evaluate(
            "() => Array.from(document.querySelectorAll('li.item.decidable'), li => li.dataset.id)")
        here = self.current()
        key = "k" if here is not None and order.index(finding_id) < order.index(here) else "j"
        for _ in range(len(order) + 1):
            if self.current() == finding_id:
                return
            self.page.keyboard.press(key)
        raise AssertionError(f"{key} never reached {finding_id}")

    def state(self) -> dict[str, Any]:
        """The decisions the page holds."""
        state: dict[str, Any] = self.page.evaluate("() => window.repairkitReview.state")
        return state

    def download(self, target: Path) -> dict[str, Any]:
        """Click the download button; save the decisions file at ``target`` and return it parsed."""
        with self.page.expect_download() as info:
            self.page.click("#download")
        info.value.save_as(target)
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        return data


@contextmanager
def browser(executable: str | None = None) -> Iterator[Any]:
    """A headless Chromium (the system one) with a fresh profile, closed afterwards."""
    from playwright.sync_api import sync_playwright

    chromium = executable or find_chromium()
    if chromium is None:
        raise RuntimeError("chromium not found (tests/setup_browser.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="repairkit-profile-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=FLAGS, accept_downloads=True,
            viewport={"width": 1280, "height": 1500})
        try:
            yield context
        finally:
            context.close()


def open_page(context: Any, page: Path) -> Session:
    """Open ``page`` (a file) in ``context``, recording console messages, page errors and dialogs."""
    tab = context.new_page()
    session = Session(tab)
    tab.on("console", lambda m: session.console.append(f"{m.type}: {m.text}"))
    tab.on("pageerror", lambda e: session.console.append(f"uncaught: {e}"))

    def on_dialog(d: Any) -> None:
        session.dialogs.append(d.message)
        d.dismiss()

    tab.on("dialog", on_dialog)
    tab.goto(page.resolve().as_uri())
    tab.wait_for_load_state("load")
    return session


@dataclass(frozen=True)
class DemoPlan:
    """The decisions of the demo and of the end-to-end test: two accepts, an edit, a reject."""

    accept: tuple[str, str]
    edit: str
    reject: str


def demo_plan(data: dict[str, Any]) -> DemoPlan:
    """Chosen from the page's data: a safe suggestion and a reference-backed one of another
    category, the first missing number whose value is unknown, and the first other finding with a value."""
    findings = data["findings"]
    valued = [f for f in findings if f["suggestions"] and not f["competing"]]
    backed = [f for f in valued if f["suggestions"][0]["applicability"] == "safe" or f["suggestions"][0]["evidence"]]
    backed.sort(key=lambda f: f["suggestions"][0]["applicability"] != "safe")  # safe ones first
    other = next((f for f in backed[1:] if f["category"] != backed[0]["category"]), backed[1])
    accept = (backed[0]["id"], other["id"])
    hole = next(f for f in findings if f["hole"] and not f["suggestions"] and f["edit"]
                and f["edit"]["start"] == f["edit"]["end"])
    reject = next(f["id"] for f in valued if f["id"] not in accept)
    return DemoPlan(accept, hole["id"], reject)


def decide(session: Session, plan: DemoPlan, value: str = DEMO_VALUE) -> None:
    """Make the plan's decisions with the keyboard: j to each, a, a, e + the value + Enter, r."""
    kb = session.page.keyboard
    for finding_id in plan.accept:
        session.go_to(finding_id)
        kb.press("a")
    session.go_to(plan.edit)
    kb.press("e")
    kb.type(value)
    kb.press("Enter")
    session.go_to(plan.reject)
    kb.press("r")


def screenshot(session: Session, target: Path) -> None:
    """A screenshot of the top of the page (header, desk summary, text and list beside it)."""
    session.page.evaluate("() => { const c = document.querySelector('li.item.current');"
                          " if (c) { c.scrollIntoView({block: 'center'}); } window.scrollTo(0, 0);"
                          " document.activeElement && document.activeElement.blur(); }")
    session.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    session.page.screenshot(path=str(target))


def main(argv: list[str]) -> int:
    """``python -m tests.review_browser PAGE``: screenshots before/after the demo decisions and the
    decisions file, next to PAGE (``<stem>.png``, ``<stem>-decided.png``, ``<stem>.decisions.json``)."""
    page = Path(argv[0])
    stem = page.with_suffix("")
    with browser() as context:
        session = open_page(context, page)
        screenshot(session, Path(f"{stem}.png"))
        decide(session, demo_plan(session.data()))
        session.page.keyboard.press("p")  # the repaired text beside the decided findings
        screenshot(session, Path(f"{stem}-decided.png"))
        session.download(Path(f"{stem}.decisions.json"))
        if session.console or session.dialogs:
            print("page messages:", *session.console, *session.dialogs, sep="\n  ", file=sys.stderr)
            return 1
    print(f"wrote {stem}.png, {stem}-decided.png and {stem}.decisions.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
