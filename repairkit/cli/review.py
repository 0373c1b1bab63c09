"""``repairkit review``: write the editorial review (HTML, Markdown, JSON) of each input document.

Every report is rendered before any is written, and each file is replaced atomically, so an
error never leaves a half-written report. Paths inside the reports are relative to the working
directory and nothing depends on the clock, so the same inputs give byte-identical reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from repairkit.cli._common import (
    InputFailure, reference_options, reports_errors, rule_options, run_config, split_codes,
)
from repairkit.collector import cyclic_gc_paused
from repairkit.config import Config
from repairkit.document import Document
from repairkit.fileio import atomic_write
from repairkit.fixloop import rescanner
from repairkit.model import Applicability
from repairkit.pipeline import DocumentResult, collect_inputs, load_library, scan_document, select_rules
from repairkit.repair import decisions as decisions_file
from repairkit.repair.decisions import Decisions
from repairkit.report import html, json_report, markdown
from repairkit.registry import DetectorSpec
from repairkit.report.review_model import build_review, display_path

THRESHOLDS = {"safe": Applicability.SAFE, "unsafe": Applicability.UNSAFE}


def review_files(result: DocumentResult, out: Path, threshold: Applicability,
                 rules: Sequence[DetectorSpec] = (), config: Config | None = None,
                 decisions: Decisions | None = None) -> dict[Path, str]:
    """The three reports of one document: ``<out>/<stem>.html``, ``.md`` and ``.json``; the
    "after" text is the multi-pass fix of ``fix`` when ``rules`` are given; ``decisions`` (an
    editor's, for this document) go into the Markdown summary and are where the page starts."""
    stem = Path(result.document.path).stem
    review = build_review(result, threshold, rescanner(rules, config, result) if rules else None)
    return {
        out / f"{stem}.html": html.render_review(review, decisions),
        out / f"{stem}.md": markdown.render_review(review, decisions),
        out / f"{stem}.json": json_report.render([result]),
    }


@click.command()
@click.argument("paths", nargs=-1, required=True)
@reference_options
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
              show_default=True, help="Folder for the reports (created if missing).")
@click.option("--threshold", type=click.Choice(sorted(THRESHOLDS)), default="safe", show_default=True,
              help="Apply suggestions at or above this applicability for the 'after' readability figures.")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False, path_type=Path),
              help="An editor's decisions file (downloaded from the page): summarised in the Markdown "
                   "report, and the page starts from them. It must match one input by sha256.")
@rule_options
@reports_errors
@cyclic_gc_paused()
def review(paths: tuple[str, ...], references: tuple[str, ...], reference_dirs: tuple[str, ...], out: Path,
           threshold: str, decisions_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Write an editorial review of PATH... (files, or directories of *.txt/*.md).

    For each input, writes <stem>.html (self-contained page: highlighted text, suggestions,
    evidence), <stem>.md and <stem>.json (the findings contract) into --out, and prints where
    they are. Exit status: 0 reports written, 2 usage or input error.
    """
    config = run_config(select=split_codes(select), ignore=split_codes(ignore))
    try:
        rules = select_rules(config)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    inputs = [display_path(p) for p in collect_inputs(paths)]
    stems: dict[str, str] = {}
    for path in inputs:
        stem = Path(path).stem
        if stem in stems:
            raise InputFailure(f"{stems[stem]} and {path} would both be reported as {stem}.*; review them separately")
        stems[stem] = path
    library = load_library([display_path(r) for r in references], [display_path(d) for d in reference_dirs])
    decided = decisions_file.load(decisions_path) if decisions_path is not None else None
    files: dict[Path, str] = {}
    matched = False
    for path in inputs:
        doc = Document.read(path)
        refs = library.references_for(doc.text) if library else []
        mine = decided if decided is not None and decided.sha256 == doc.sha256 else None
        matched = matched or mine is not None
        files.update(review_files(scan_document(doc, rules, config, refs), out, THRESHOLDS[threshold], rules, config,
                                  mine))
    if decided is not None and not matched:
        raise InputFailure(f"{decisions_path}: made on another version of {decided.path} (sha256 "
                           f"{decided.sha256[:12]}… matches no input); nothing written")
    out.mkdir(parents=True, exist_ok=True)
    for target, text in files.items():
        atomic_write(target, text.encode("utf-8"))
        click.echo(f"wrote {display_path(target)}")
