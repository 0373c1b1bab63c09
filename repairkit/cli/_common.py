"""Shared CLI plumbing: error mapping (exit 2), option parsing, output writing."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from repairkit.config import ConfigError
from repairkit.document import InputError
from repairkit.fileio import atomic_write
from repairkit.model import Finding, Severity

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class InputFailure(click.ClickException):
    """Unreadable input or unusable configuration: one line on stderr, exit code 2."""

    exit_code = EXIT_USAGE


def reports_errors(func: F) -> F:
    """Turn repairkit's input and configuration errors into one-line messages with exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (InputError, ConfigError) as exc:
            raise InputFailure(str(exc)) from None
        except OSError as exc:
            raise InputFailure(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None

    return wrapper  # type: ignore[return-value]


def split_codes(values: Sequence[str]) -> tuple[str, ...]:
    """``("RK1,RK2", "RK3")`` -> ``("RK1", "RK2", "RK3")``."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def exit_code_for(findings: Sequence[Finding], fail_on: str) -> int:
    """0 when nothing is at or above ``fail_on``, else 1 (``never`` always gives 0)."""
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_CLEAN


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)


def reference_options(func: F) -> F:
    """``--reference`` and ``--reference-dir``, shared by scan, review and fix."""
    func = click.option("--reference-dir", "reference_dirs", multiple=True, metavar="DIR",
                        help="A directory of reference files (*.txt/*.md/*.json/*.jsonl), searched "
                             "recursively (repeatable).")(func)
    return click.option("--reference", "-r", "references", multiple=True, metavar="PATH",
                        help="A reference article (.txt, .md, .json from `repairkit parse`) or a JSONL "
                             "library of {id, title, text} lines (repeatable). With more than 3 "
                             "references, each document is compared with the few most relevant to it.")(func)


def rule_options(func: F) -> F:
    """``--select`` and ``--ignore``, shared by scan, review and fix."""
    func = click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")(func)
    return click.option("--select", multiple=True, metavar="CODES",
                        help="Only these rules: codes, prefixes (RK1), names or categories.")(func)

