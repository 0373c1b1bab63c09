"""``repairkit scan``: detect damage and print findings in a chosen format."""

from __future__ import annotations

from pathlib import Path

import click

from repairkit.cli._common import InputFailure, emit, exit_code_for, reports_errors, split_codes
from repairkit.config import FAIL_ON_CHOICES, load_config
from repairkit.pipeline import scan_paths
from repairkit.report import FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--reference", "-r", "references", multiple=True, metavar="PATH",
              help="A reference article (.txt, .md, .json from `repairkit parse`) or a JSONL library "
                   "of {id, title, text} lines (repeatable). With more than 3 references, each document "
                   "is compared with the few most relevant to it.")
@click.option("--reference-dir", "reference_dirs", multiple=True, metavar="DIR",
              help="A directory of reference files (*.txt/*.md/*.json/*.jsonl), searched recursively "
                   "(repeatable).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules: codes, prefixes (RK1), names or categories.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity [default: error].")
@reports_errors
def scan(paths: tuple[str, ...], references: tuple[str, ...], reference_dirs: tuple[str, ...], fmt: str,
         output: Path | None,
         select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None) -> None:
    """Scan PATH... (files, or directories of *.txt/*.md) for damage.

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
    """
    config = load_config().merged(select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on)
    try:
        results = scan_paths(paths, config, references, reference_dirs)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    emit(FORMATS[fmt](results), output)
    raise SystemExit(exit_code_for([f for r in results for f in r.findings], config.fail_on))
