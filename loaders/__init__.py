"""Loaders: read → normalise → segment → extract → resolve, one plan at a time."""
