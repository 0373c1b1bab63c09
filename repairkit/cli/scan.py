"""``repairkit scan``: detect damage and print findings in a chosen format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from repairkit import baseline as baselines
from repairkit.cli._common import (
    color_option, emit, exit_code_for, InputFailure, reference_options, reports_errors, rule_options, run_config,
    split_codes, use_color,
)
from repairkit.config import FAIL_ON_CHOICES
from repairkit.fileio import atomic_write
from repairkit.filters import GITHUB_RESULT_LIMIT, cap_results, filter_results
from repairkit.pipeline import DocumentResult, scan_paths
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
@color_option
@reports_errors
def scan(paths: tuple[str, ...], references: tuple[str, ...], reference_dirs: tuple[str, ...], fmt: str,
         output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
         min_confidence: float | None, baseline_path: Path | None, write_baseline: Path | None,
         max_results: int, color: str = "auto") -> None:
    """Scan PATH... (files, or directories of *.txt/*.md) for damage.

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
    """
    config = run_config(select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on,
                                  min_confidence=min_confidence)
    try:
        results = scan_paths(paths, config, references, reference_dirs)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
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
