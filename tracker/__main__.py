"""`python -m tracker` is the same as the `tracker` command."""

from .cli import main

main(prog_name="tracker")
