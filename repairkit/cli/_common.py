"""Shared CLI plumbing: error mapping (exit 2), option parsing, output writing."""

from __future__ import annotations

import functools
import os
from dataclasses import replace
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from repairkit.config import Config, ConfigError, load_config, load_config_file
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


def run_config(**cli: Any) -> Config:
    """The settings of this run: the configuration file (``--config``, or the nearest
    pyproject.toml; none with ``--isolated``), then the command-line options given."""
    meta = click.get_current_context().meta
    if meta.get("repairkit.isolated"):
        base = Config()
    elif meta.get("repairkit.config_file") is not None:
        base = load_config_file(meta["repairkit.config_file"])
    else:
        base = load_config()
    config = base.merged(**cli)
    extra = tuple(meta.get("repairkit.exclude") or ())
    return replace(config, extend_exclude=config.extend_exclude + extra) if extra else config


COLOR_CHOICES = ("auto", "always", "never")


def color_option(func: F) -> F:
    """``--color auto|always|never``: colour on a terminal by default; ``NO_COLOR`` turns it off."""
    return click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
                        help="Colour the output: on a terminal (auto, unless NO_COLOR is set), always, "
                             "or never.")(func)


def use_color(choice: str) -> bool | None:
    """``click.echo``'s ``color``: ``None`` lets click colour only a terminal.

    >>> use_color("always"), use_color("never")
    (True, False)
    """
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):  # https://no-color.org: any non-empty value
        return False
    return None


def emit(text: str, output: Path | None, color: bool | None = False) -> None:
    """Print ``text`` (styles kept only where ``color`` allows), or write it, unstyled, to ``output``."""
    if output is None:
        click.echo(text, nl=False, color=color)
    else:
        atomic_write(output, click.unstyle(text).encode("utf-8"))
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


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep a configuration option on the context, for :func:`run_config`."""
    ctx.meta[f"repairkit.{param.name}"] = value
    return value


def rule_options(func: F) -> F:
    """``--select``, ``--ignore``, ``--exclude``, ``--config`` and ``--isolated``, shared by scan, review
    and fix; the last three are read by :func:`run_config`, not passed to the command."""
    func = click.option("--isolated", is_flag=True, expose_value=False, callback=_remember,
                        help="Ignore configuration files: defaults and command-line options only.")(func)
    func = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        expose_value=False, callback=_remember,
                        help="Read the settings from FILE (a pyproject.toml with [tool.repairkit], or a "
                             "repairkit.toml) instead of the nearest pyproject.toml.")(func)
    func = click.option("--exclude", multiple=True, metavar="GLOB", expose_value=False, callback=_remember,
                        help="Also leave out paths matching GLOB (repeatable), besides the configured "
                             "exclude/extend-exclude.")(func)
    func = click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")(func)
    return click.option("--select", multiple=True, metavar="CODES",
                        help="Only these rules: codes, prefixes (RK1), names or categories.")(func)

