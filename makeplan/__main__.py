"""Lets `python -m makeplan` run the same command line as `makeplan`."""

from makeplan.cli import main

main()
