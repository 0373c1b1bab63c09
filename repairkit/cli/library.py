"""``repairkit library build|add|stats``: a reference library indexed once, in one SQLite file."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from repairkit.cli._common import InputFailure, reports_errors
from repairkit.reference.store import LibraryStore, add_to_library, build_library, is_library_file


def _split_sources(sources: tuple[Path, ...]) -> tuple[list[Path], list[Path]]:
    """Files and directories among SOURCES; a missing one is an input error."""
    files, dirs = [], []
    for source in sources:
        if source.is_dir():
            dirs.append(source)
        elif source.exists():
            files.append(source)
        else:
            raise InputFailure(f"{source}: no such file or directory")
    return files, dirs


@click.group()
def library() -> None:
    """A persistent reference library: build it once, give it to --reference LIBRARY.db."""


@library.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The library file to write (e.g. refs.db); an existing one is replaced when the new one is complete.")
@reports_errors
def build(sources: tuple[Path, ...], output: Path) -> None:
    """Index SOURCES (a JSONL library of {id, title, text} lines, reference files, directories) into a library file.

    Exit status: 0 built, 2 unreadable or malformed input.
    """
    if not is_library_file(output):
        raise InputFailure(f"{output}: a library file must end in .db (--reference tells it from a JSONL library so)")
    files, dirs = _split_sources(sources)
    started = time.perf_counter()
    result = build_library(output, files, dirs)
    dup = f" ({result.unchanged} duplicates skipped)" if result.unchanged else ""
    click.echo(f"built {output}: {result.added} articles{dup} in {time.perf_counter() - started:.1f} s", err=True)


@library.command()
@click.argument("library_file", metavar="LIBRARY", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@reports_errors
def add(library_file: Path, sources: tuple[Path, ...]) -> None:
    """Add SOURCES to LIBRARY (one transaction; articles already there unchanged are skipped).

    An id already in the library with other content is an error, and nothing is added.
    Exit status: 0 added, 2 unreadable or malformed input.
    """
    files, dirs = _split_sources(sources)
    result = add_to_library(library_file, files, dirs)
    click.echo(f"added {result.added} articles to {library_file} ({result.unchanged} already there)", err=True)


@library.command()
@click.argument("library_file", metavar="LIBRARY", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def stats(library_file: Path, fmt: str) -> None:
    """Show how many articles and keys LIBRARY holds, its size on disk and when it was built."""
    store = LibraryStore.open(library_file)
    try:
        figures = store.stats()
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(figures.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures.path}: {figures.articles:,} articles, {figures.keys:,} distinct keys, "
               f"{figures.characters:,} characters of text, {figures.bytes_on_disk / 1e6:.1f} MB on disk; "
               f"built {figures.created}, updated {figures.updated}")
