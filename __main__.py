"""``python -m pledgegraph`` runs the command line."""

from pledgegraph.cli import main

if __name__ == "__main__":  # not when a worker process of a load imports this module again
    main()
