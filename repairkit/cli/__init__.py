"""The ``repairkit`` command line: a thin click group; each command lives in its own module.

Commands are imported only when they run (click's lazy-group pattern), so ``repairkit
--version`` and ``repairkit scan`` do not pay for the review page's template engine or the
reference library they never use.
"""

from __future__ import annotations

import importlib

import click

from repairkit import __version__

#: Command name -> "module:attribute" of its click command, in the order ``--help`` lists them.
COMMANDS: dict[str, str] = {
    "scan": "repairkit.cli.scan:scan",
    "review": "repairkit.cli.review:review",
    "rules": "repairkit.cli.rules:rules",
    "explain": "repairkit.cli.rules:explain",
    "fix": "repairkit.cli.fix:fix",
    "revert": "repairkit.cli.fix:revert",
    "parse": "repairkit.cli.parse:parse",
    "batch": "repairkit.cli.batch:batch",
    "library": "repairkit.cli.library:library",
}


class LazyGroup(click.Group):
    """A group whose commands are imported from :data:`COMMANDS` when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(c for c in super().list_commands(ctx) if c not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, attr = COMMANDS[cmd_name].split(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="repairkit")
def main() -> None:
    """Find and repair damage in scraped text, with evidence from reference articles."""
