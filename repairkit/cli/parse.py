"""``repairkit parse``: show how a reference article is read (blocks, facts, terms), or save its JSON form."""

from __future__ import annotations

from pathlib import Path

import click

from repairkit.cli._common import emit, reports_errors
from repairkit.reference.model import Article
from repairkit.reference.parse import load_reference
from repairkit.reference.serialize import article_to_json

#: Characters of a block shown in the text format.
PREVIEW = 72


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


def render_text(art: Article) -> str:
    """A readable listing: one line per block, then facts and a term count.

    >>> from repairkit.reference.parse import parse_text
    >>> out = render_text(parse_text("Title\\n\\nUp 5 percent.", path="a.txt")).splitlines()
    >>> out[5].split(), out[-2].split()
    (['7-20', 'paragraph', 'Up', '5', 'percent.'], ['10-19', 'percent', "'5", "percent'", '=', '5', 'unit=percent'])
    """
    lines = [f"{art.path}  sha256 {art.sha256}", f"title: {art.title or '-'}",
             f"date: {art.date.isoformat() if art.date else '-'}", f"blocks ({len(art.blocks)}):"]
    for b in art.blocks:
        item = f"#{b.item}" if b.item is not None else ""
        lines.append(f"  {b.start:>6}-{b.end:<6} {b.kind:<11} {item:<4} {_preview(b.text)}".rstrip())
    lines.append(f"facts ({len(art.facts)}):")
    for f in art.facts:
        extra = " ".join(x for x in (f.currency and f"currency={f.currency}", f.unit and f"unit={f.unit}") if x)
        lines.append(f"  {f.start:>6}-{f.end:<6} {f.kind:<8} {f.text!r} = {f.value} {extra}".rstrip())
    forms = sum(len(v) for v in art.terms.values())
    lines.append(f"terms: {len(art.terms)} keys, {forms} forms")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("reference", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a listing to read; json: the repairkit.reference/1 form, accepted back by --reference.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE (atomically) instead of stdout.")
@reports_errors
def parse(reference: Path, fmt: str, output: Path | None) -> None:
    """Parse REFERENCE (.txt, .md or a saved .json) and print its blocks, facts and terms.

    Exit status: 0 parsed, 2 unreadable or malformed input.
    """
    art = load_reference(reference)
    emit(article_to_json(art) if fmt == "json" else render_text(art), output)
