"""``repairkit rules`` and ``repairkit explain``: the rule registry, for people and programs."""

from __future__ import annotations

import json

import click

from repairkit.registry import FAMILIES, DetectorSpec, all_detectors, get
from repairkit.rule_help import help_text


def rule_dict(spec: DetectorSpec) -> dict[str, str]:
    """JSON form of a rule."""
    return {"code": spec.code, "name": spec.name, "category": spec.category,
            "severity": spec.severity.label, "fix": spec.fix.value, "summary": spec.title, "doc": spec.doc}


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def rules(fmt: str) -> None:
    """List every rule: code, name, category, default severity."""
    specs = all_detectors()
    if fmt == "json":
        click.echo(json.dumps([rule_dict(s) for s in specs], indent=2, ensure_ascii=False))
        return
    widths = (5, max(len(s.name) for s in specs), max(len(s.category) for s in specs), 8)
    header = ("CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY")
    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths)) + "  " + header[-1])
    family = None
    for s in specs:
        if s.code[2] != family:
            family = s.code[2]
            click.echo(f"# {FAMILIES.get(family, '')}")
        cells = (s.code, s.name, s.category, s.severity.label)
        click.echo("  ".join(c.ljust(w) for c, w in zip(cells, widths)) + "  " + s.title)


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule (by code, e.g. RK101, or name)."""
    try:
        spec = get(code)
    except KeyError:
        raise click.UsageError(f"no rule {code!r}; `repairkit rules` lists them") from None
    click.echo(f"{spec.code} {spec.name}  [{spec.category}, {spec.severity.label} by default, fix: {spec.fix.value}]\n")
    click.echo(help_text(spec.doc))
