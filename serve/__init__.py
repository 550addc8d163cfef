"""``pledgegraph serve``: a local, read-only web app over the store (see :mod:`pledgegraph.serve.app`)."""

from pledgegraph.serve.app import create_app

__all__ = ["create_app"]
