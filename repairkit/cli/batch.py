"""``repairkit batch``: scan a stream of documents into a JSONL file, on local workers or a Dask cluster."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from repairkit.cli._common import (
    EXIT_CLEAN, EXIT_FINDINGS, InputFailure, reference_options, reports_errors, rule_options, run_config, split_codes,
)
from repairkit import api
from repairkit.batching.engines import EngineError
from repairkit.batching.output import Summary, completed_keys
from repairkit.batching.work import BatchResult
from repairkit.config import FAIL_ON_CHOICES
from repairkit.fileio import LineLog
from repairkit.model import Severity


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _progress_wanted(choice: bool | None) -> bool:
    """A bar only on a terminal, and never in CI, unless asked for."""
    if choice is not None:
        return choice
    return sys.stderr.isatty() and not os.environ.get("CI")


def _same_file(a: str, b: Path) -> bool:
    try:
        return a != "-" and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


@click.command()
@click.argument("source", metavar="INPUT")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The JSONL file to write, one line per document, appended as each is done [default: stdout].")
@reference_options
@rule_options
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Local worker processes [default: the cores available]; the output is the same for any number.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster (pip install 'repairkit[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="--engine dask: the scheduler of an existing cluster (tcp://host:8786); "
                   "without it a LocalCluster of --workers processes is started.")
@click.option("--resume", is_flag=True,
              help="Continue OUTPUT: skip the documents already in it (a run killed half-way loses and repeats nothing).")
@click.option("--overwrite", is_flag=True, help="Replace an existing OUTPUT instead of refusing.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity, or a document failed [default: error].")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Drop suggestions with a value below confidence P, as scan does.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: on a terminal, not in CI].")
@reports_errors
def batch(source: str, output: Path | None, references: tuple[str, ...], reference_dirs: tuple[str, ...],
          select: tuple[str, ...], ignore: tuple[str, ...], workers: int | None, engine: str,
          scheduler: str | None, resume: bool, overwrite: bool, fail_on: str | None,
          min_confidence: float | None, progress: bool | None) -> None:
    """Scan INPUT, a JSONL file of {"id", "text", "reference_ids"?} lines (- for stdin) or a directory of
    *.txt/*.md files, into one JSON line per document, in input order.

    A line that is not valid JSON, has no "text", or whose document fails becomes an error line
    ({"id", "line", "error"}) and the run goes on; a summary goes to stderr.
    Exit status: 0 nothing at or above --fail-on, 1 findings (or failed documents) at or above it,
    2 usage or input error.
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if resume and output is None:
        raise click.UsageError("--resume needs --output FILE")
    if output is not None and _same_file(source, output):
        raise InputFailure(f"{output}: is the input; write the results to another file")
    config = run_config(select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on,
                        min_confidence=min_confidence)  # --config, --isolated and --exclude too, as scan does
    done = None
    if output is not None and output.exists() and output.stat().st_size and not (resume or overwrite):
        raise InputFailure(f"{output}: already exists; --resume continues it, --overwrite replaces it")
    if resume and output is not None:
        done = completed_keys(output)
    summary = Summary(skipped=sum(done.values()) if done else 0)
    try:
        results = api.batch(source, references=[*references, *reference_dirs], config=config,
                            workers=workers or default_workers(), engine=engine, scheduler=scheduler, skip=done)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None
    if output is not None and overwrite and not resume:
        output.unlink(missing_ok=True)
    log = LineLog(output) if output is not None else None
    bar = None
    if _progress_wanted(progress):
        from tqdm import tqdm  # a well-kept progress bar; imported only when one is shown

        bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, initial=summary.skipped)
    failing = False
    try:
        for result in results:
            (log.append if log else click.echo)(result.line)
            summary.add(result)
            failing = failing or _fails(result, config.fail_on)
            if bar is not None:
                bar.update()
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if bar is not None:
            bar.close()
        if log is not None:
            log.close()
    click.echo(summary.render(), err=True, nl=False)
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _fails(result: BatchResult, fail_on: str) -> bool:
    """Whether a result reaches ``--fail-on``: a failed document counts as an error."""
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    if result.error is not None:
        return Severity.ERROR >= threshold
    return any(Severity.parse(label) >= threshold for label, _ in result.by_severity)
