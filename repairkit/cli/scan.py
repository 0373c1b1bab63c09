"""``repairkit scan``: detect damage and print findings in a chosen format."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from repairkit import baseline as baselines
from repairkit.batching.evidence import with_run_evidence
from repairkit.cli._common import (
    color_option, emit, exit_code_for, InputFailure, reference_options, reports_errors, rule_options, run_config,
    split_codes, use_color,
)
from repairkit.collector import cyclic_gc_paused
from repairkit.config import FAIL_ON_CHOICES, Config
from repairkit.fileio import atomic_write
from repairkit.filters import GITHUB_RESULT_LIMIT, cap_results, filter_results
from repairkit.document import Document, InputError
from repairkit.encodings import check_encoding
from repairkit.pipeline import DocumentResult, load_library, scan_document, scan_paths, select_rules
from repairkit.report import CAPPED_FORMATS, FORMATS
from repairkit.report import text as text_report


@click.command()
@click.argument("paths", nargs=-1, required=True)
@reference_options
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE (atomically) instead of stdout.")
@rule_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Drop suggestions with a value below confidence P, and findings left with none; "
                   "findings of unknown values (missing numbers) are always kept.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report and fail only on findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record today's findings in FILE (JSON) as accepted; exits 0.")
@click.option("--max-results", type=click.IntRange(min=1), default=GITHUB_RESULT_LIMIT, show_default=True,
              help="sarif/github: keep at most this many findings, most severe first.")
@click.option("--encoding", metavar="NAME", default=None,
              help="Read the inputs in this encoding (latin-1, cp1252, ...) instead of UTF-8/UTF-16 with BOM.")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="With PATH '-' (read standard input): the file name to report, and to read the text as "
                   "(NAME.md is Markdown; per-file-ignores apply).")
@click.option("--show-settings", is_flag=True,
              help="Print the settings in force (configuration file and options) as TOML, and exit.")
@color_option
@reports_errors
@cyclic_gc_paused()
def scan(paths: tuple[str, ...], references: tuple[str, ...], reference_dirs: tuple[str, ...], fmt: str,
         output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
         min_confidence: float | None, baseline_path: Path | None, write_baseline: Path | None,
         max_results: int, encoding: str | None = None, stdin_filename: str | None = None, show_settings: bool = False,
         color: str = "auto") -> None:
    """Scan PATH... (files, or directories of *.txt/*.md; '-' reads standard input) for damage.

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
    """
    config = run_config(select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on,
                                  min_confidence=min_confidence)
    if show_settings:
        click.echo(config.to_toml(), nl=False)
        raise SystemExit(0)
    try:
        results = (scan_stdin(stdin_filename or "<stdin>", config, references, reference_dirs, encoding)
                   if paths == ("-",) else scan_paths(paths, config, references, reference_dirs, encoding))
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    if any(Path(p).is_dir() for p in paths if p != "-"):  # a directory is a run: its repeated lines are furniture
        results = with_run_evidence(results, select_rules(config), config)
    results = filter_results(results, config.min_confidence)
    if write_baseline is not None:
        data = json.dumps(baselines.to_dict(results, write_baseline.resolve().parent), ensure_ascii=False,
                          indent=2) + "\n"
        atomic_write(write_baseline, data.encode("utf-8"))
        click.echo(f"baseline: recorded {sum(len(r.findings) for r in results)} findings in {write_baseline}",
                   err=True)
    elif baseline_path is not None:
        outcome = baselines.apply_baseline(results, baselines.load(baseline_path))
        results = outcome.results
        click.echo(f"baseline: {sum(len(r.findings) for r in results)} new findings; {outcome.suppressed} "
                   f"suppressed by {baseline_path}; {outcome.gone} baseline findings are gone", err=True)
    colour = use_color(color) if output is None else False
    if fmt == "text":
        emit(text_report.render(results, styled=colour is not False), output, colour)
        if (hint := text_report.fix_hint(results)) is not None:
            click.echo(hint, err=True)
    else:
        emit(_render(fmt, results, max_results), output)
    if write_baseline is not None:
        raise SystemExit(0)
    raise SystemExit(exit_code_for([f for r in results for f in r.findings], config.fail_on))


def scan_stdin(name: str, config: Config, references: Sequence[str], reference_dirs: Sequence[str],
               encoding: str | None = None) -> list[DocumentResult]:
    """Scan the text on standard input as the document ``name`` (an editor's unsaved buffer)."""
    data = sys.stdin.buffer.read()
    if encoding:
        try:
            text = data.decode(check_encoding(encoding))
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid {encoding} (byte {exc.start}: {exc.reason})") from None
        doc = Document.from_text(text, name)
    else:
        doc = Document.from_bytes(data, name)
    rules = select_rules(config)
    library = load_library(references, reference_dirs)
    found = library.references_for(doc.text) if library else []
    return [scan_document(doc, rules, config, found)]


def _render(fmt: str, results: list[DocumentResult], max_results: int) -> str:
    """Render ``results``; formats read by capped services are cut to the most severe findings."""
    if fmt not in CAPPED_FORMATS:
        return FORMATS[fmt](results)
    capped = cap_results(results, max_results)
    if capped.omitted:
        click.echo(f"note: {capped.omitted} findings left out of the {fmt} output (--max-results {max_results}; "
                   f"GitHub keeps at most {GITHUB_RESULT_LIMIT} results per run); the most severe are kept",
                   err=True)
    return FORMATS[fmt](capped.results, omitted=capped.omitted, limit=max_results)  # type: ignore[call-arg]
