"""`python -m interview_vault` runs the `vault` command."""

from .cli import main

main()
