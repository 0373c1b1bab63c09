"""``repairkit fix`` and ``repairkit revert``: apply suggestions to files, with an audit log.

``fix`` shows a unified diff by default; ``--write`` changes files in place (atomically) and
``--output FILE`` writes elsewhere. Every write is recorded in an audit log that ``revert``
undoes byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from repairkit.cli._common import (
    EXIT_CLEAN, EXIT_FINDINGS, InputFailure, color_option, reference_options, reports_errors, rule_options,
    run_config, split_codes, use_color,
)
from repairkit.cli.diffs import DIFF_STYLES, LONG_LINE, show_diff
from repairkit.cli.interactive import review
from repairkit.collector import cyclic_gc_paused
from repairkit.document import InputError, encode_text
from repairkit.fileio import atomic_write, directory_lock, remove_stale_temporaries
from repairkit.fixloop import Planned, plan, rescanner
from repairkit.model import Applicability
from repairkit.pipeline import DocumentResult, scan_paths, select_rules
from repairkit.repair import audit, decisions
from repairkit.repair.apply import apply_edits


def fix_mode(diff: bool, write: bool, output: Path | None, interactive: bool) -> str:
    """``diff``, ``write`` or ``output``: the one mode the options ask for (a usage error for two).

    >>> fix_mode(False, False, None, False), fix_mode(False, False, None, True)
    ('diff', 'write')
    """
    given = [name for name, on in (("--diff", diff), ("--write", write), ("--output", output is not None)) if on]
    if len(given) > 1:
        raise click.UsageError(f"{' and '.join(given)} exclude each other: --diff shows the changes and writes "
                               "nothing, --write changes files in place, --output writes one file elsewhere")
    if output is not None:
        return "output"
    return "write" if write or (interactive and not diff) else "diff"


def refuse_read_only(target: Path) -> None:
    """Refuse to replace a file its owner may not write (mode bits), or this user may not.

    The atomic write renames a new file over the old one, which the file's own mode does not
    stop: the check has to be made here, as ruff, black and codespell do.
    """
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputFailure(f"{target}: file is read-only; nothing written (make it writable, or use --output)")


@dataclass
class Pending:
    """A file write that is ready: where it goes, the bytes, and its audit entry and log."""

    target: Path
    data: bytes
    entry: dict[str, Any]
    log: Path


def refuse_read_only_directory(target: Path) -> None:
    """Refuse to write into a directory its owner may not write (mode bits), or this user may not:
    the atomic write creates its new file there (and root would otherwise ignore the mode)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = folder.stat().st_mode
    except OSError as exc:
        raise InputFailure(f"{folder}: cannot use directory ({exc.strerror or exc}); nothing written") from None
    if not mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        raise InputFailure(f"{folder}: directory is read-only; nothing written (a fix writes a new file "
                           "beside the old one: make the directory writable, or use --output elsewhere)")


def prepare(p: Planned, target: Path, log: Path | None) -> Pending:
    """Check the input is unchanged since it was read and build its write and audit entry."""
    doc = p.result.document
    try:
        original = Path(doc.path).read_bytes()
    except FileNotFoundError:
        raise InputFailure(f"{doc.path}: deleted while it was being fixed; nothing written") from None
    if audit.sha256(original) != doc.sha256:
        raise InputFailure(f"{doc.path}: changed while it was being fixed; nothing written")
    previous = original if target.resolve() == Path(doc.path).resolve() else (
        target.read_bytes() if target.exists() else None)
    new_bytes = encode_text(p.text, doc.encoding)
    edits = [audit.edit_dict(e, *doc.line_col(e.start)) for e in p.edits]
    for number, (text, more) in enumerate(p.later, start=2):  # offsets into that pass's text
        edits.extend({**audit.edit_dict(e, *text.line_col(e.start)), "pass": number} for e in more)
    entry = audit.make_entry(doc.path, target, previous, new_bytes, doc.encoding, edits)
    return Pending(target, new_bytes, entry, log or audit.default_log_path(target))


def write_all(pending: Sequence[Pending]) -> None:
    """Record every audit entry first (one write per log), then write the files atomically.

    If a file cannot be written, the entries of the files not written are taken out of
    their logs again, so that every log describes exactly what was changed.
    """
    by_log: dict[Path, list[Pending]] = {}
    for item in pending:
        by_log.setdefault(item.log, []).append(item)
    for log, items in by_log.items():
        audit.record(log, [i.entry for i in items])
    for n, item in enumerate(pending):
        try:
            atomic_write(item.target, item.data, expected_sha256=item.entry["sha256_before"])
        except (OSError, InputError):
            for log in by_log:
                with contextlib.suppress(OSError, InputError):  # the first failure is the one to report
                    audit.withdraw(log, [i.entry for i in pending[n:] if i.log == log])
            raise


def decided(results: Sequence[DocumentResult], chosen: decisions.Decisions, path: Path) -> list[Planned]:
    """``--decisions``: exactly the accepted and edited suggestions of a decisions file (one input)."""
    if len(results) != 1:
        raise click.UsageError(f"--decisions takes one input file, got {len(results)}")
    edits = decisions.edits_for(chosen, results[0].document, str(path))
    return [Planned(results[0], edits, apply_edits(results[0].document.text, edits))]


class FixCommand(click.Command):
    """``fix``, reading ``--diff=STYLE`` as ``--diff --diff-style STYLE`` (``--diff`` alone stays a flag,
    so ``fix --diff a.txt`` does not take the file for a style)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Split ``--diff=STYLE`` before click parses the options."""
        out: list[str] = []
        for i, arg in enumerate(args):
            if arg == "--":
                out.extend(args[i:])
                break
            out.extend(["--diff", f"--diff-style={arg[7:]}"] if arg.startswith("--diff=") else [arg])
        return super().parse_args(ctx, out)


@click.command(cls=FixCommand)
@click.argument("paths", nargs=-1, required=True)
@reference_options
@click.option("--unsafe", is_flag=True, help="Also apply 'unsafe' suggestions (only 'safe' ones by default).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Apply only suggestions with confidence >= P.")
@click.option("--mark-unresolved", is_flag=True,
              help="Insert a visible marker such as [?year] where a value is missing and unknown.")
@click.option("--diff", "diff", is_flag=True,
              help="Print the changes and change nothing (the default). --diff=word shows each change in "
                   "a few words of context, --diff=line a unified diff; the default (auto) is a word diff "
                   f"when a changed line is longer than {LONG_LINE} characters.")
@click.option("--diff-style", type=click.Choice(DIFF_STYLES), default="auto", hidden=True)
@click.option("--write", "write", is_flag=True, help="Change the files in place (atomically); refused for "
              "read-only files.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the fixed text to FILE instead (one input only).")
@click.option("--audit", "audit_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Audit log to append to [default: <written file>.repairkit-audit.json].")
@click.option("--interactive", "-i", is_flag=True,
              help="Walk through every suggestion with a value (safe, unsafe or manual) one by one; "
                   "write only what you accept.")
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Apply exactly the accepted and edited suggestions of a decisions file exported "
                   "by the review page (refused if the document changed since).")
@rule_options
@color_option
@reports_errors
@cyclic_gc_paused()
def fix(paths: tuple[str, ...], references: tuple[str, ...], reference_dirs: tuple[str, ...], unsafe: bool, min_confidence: float | None,
        mark_unresolved: bool, diff: bool, write: bool, output: Path | None, audit_path: Path | None,
        interactive: bool, select: tuple[str, ...], ignore: tuple[str, ...], diff_style: str = "auto",
        color: str = "auto", decisions_file: Path | None = None) -> None:
    """Apply suggested repairs to PATH... (safe ones only unless --unsafe).

    Suggestions without a value are never applied, nor are 'manual' ones unless a person
    accepts them with --interactive. Without --write or --output it prints a diff (exit 1
    if there is something to change, else 0). --write and --output exit 0, also when
    unresolved places remain (use `repairkit scan` to fail on those). With --interactive
    it writes in place unless --diff or --output is given.
    """
    mode = fix_mode(diff, write, output, interactive)
    if decisions_file is not None and (interactive or unsafe or mark_unresolved):
        raise click.UsageError("--decisions excludes --interactive, --unsafe and --mark-unresolved")
    config = run_config(select=split_codes(select), ignore=split_codes(ignore),
                                  min_confidence=min_confidence)
    try:
        results = scan_paths(paths, config, references, reference_dirs)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    # A file named twice (or via a directory and by name) is fixed once: two writes would
    # leave an audit log that cannot be reverted.
    results = list({Path(r.document.path).resolve(): r for r in reversed(results)}.values())[::-1]
    if output is not None and len(results) != 1:
        raise click.UsageError(f"--output takes one input file, got {len(results)}")
    threshold = Applicability.UNSAFE if unsafe else Applicability.SAFE
    rules = select_rules(config)

    chosen = decisions.load(decisions_file) if decisions_file is not None else None  # read and validated once
    planned = decided(results, chosen, decisions_file) if chosen is not None and decisions_file is not None else [
        plan(r, threshold, config.min_confidence, mark_unresolved,
             None if interactive else rescanner(rules, config, r)) for r in results]
    if interactive:
        try:
            planned = review(planned, config.min_confidence, mark_unresolved)
        except click.Abort:  # click raises it for the end of input and for Ctrl-C alike
            raise InputFailure("--interactive: the input ended or was interrupted before every suggestion "
                               "was answered; nothing was written") from None
    changed = [p for p in planned if p.text != p.result.document.text or mode == "output"]
    if mode == "diff":
        colour = use_color(color)
        click.echo("".join(show_diff(p.result.document, p.text, diff_style, styled=colour is not False)
                           for p in changed), nl=False, color=colour)
        raise SystemExit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    targets = [output if output is not None else Path(p.result.document.path) for p in changed]
    logs = [audit_path or audit.default_log_path(target) for target in targets]
    for target in {*targets, *logs}:  # before anything is written: all files or none
        refuse_read_only(target)
        refuse_read_only_directory(target)
    sources = [Path(p.result.document.path) for p in changed]
    with directory_lock([*targets, *logs, *sources]):  # a second fix of these files waits, then refuses
        for stale in {*targets, *logs}:  # what a killed earlier run left beside them
            remove_stale_temporaries(stale)
        pending = [prepare(p, target, audit_path) for p, target in zip(changed, targets, strict=True)]
        if chosen is not None:  # the audit log says which decision each edit is, and who typed its value
            decisions.mark_entries([item.entry for item in pending], chosen)
        write_all(pending)
    for p, item in zip(changed, pending, strict=True):
        click.echo(f"fixed {p.result.document.path}: {p.count} edit{'s' if p.count != 1 else ''}"
                   f" -> {item.target} (audit: {item.log})", err=True)
    if not changed:
        click.echo("nothing to fix", err=True)


@click.command()
@click.argument("log", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--last", is_flag=True, help="Undo only the last fix run recorded in LOG.")
@reports_errors
def revert(log: Path, last: bool) -> None:
    """Undo the fixes recorded in audit LOG, byte for byte (refused if a file changed since).

    The log is kept: what was undone moves to its "reverted" list, so a second revert has
    nothing left to undo.
    """
    restored = audit.revert(log, last=last)
    for path in restored:
        click.echo(f"restored {path}", err=True)
    if not restored:
        click.echo(f"nothing to revert in {log} (every run it records is undone already)", err=True)
