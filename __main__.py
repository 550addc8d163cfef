"""``python -m pledgegraph`` runs the command line."""

from pledgegraph.cli import main

main()
