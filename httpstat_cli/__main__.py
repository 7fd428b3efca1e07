"""Run hsc as ``python -m httpstat_cli``."""

from httpstat_cli.cli import main

main()
