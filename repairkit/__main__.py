"""``python -m repairkit``: the same command line as ``repairkit``."""

from repairkit.cli import main

main(prog_name="repairkit")
