"""The ``repairkit`` command line: a thin click group; each command lives in its own module."""

from __future__ import annotations

import click

from repairkit import __version__
from repairkit.cli.batch import batch
from repairkit.cli.fix import fix, revert
from repairkit.cli.library import library
from repairkit.cli.parse import parse
from repairkit.cli.review import review
from repairkit.cli.rules import explain, rules
from repairkit.cli.scan import scan


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="repairkit")
def main() -> None:
    """Find and repair damage in scraped text, with evidence from reference articles."""


main.add_command(scan)
main.add_command(review)
main.add_command(rules)
main.add_command(explain)
main.add_command(fix)
main.add_command(revert)
main.add_command(parse)
main.add_command(batch)
main.add_command(library)
