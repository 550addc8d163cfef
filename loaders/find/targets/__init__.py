"""Quantified targets: figures with a unit and a comparator, found in prose and in tables.

``prose`` reads running text (and the prose inside table cells), ``tables`` the quantity
cells of the layout's tables, ``collect`` puts the two together; ``figures`` says where a
quantity is written and which figures are dates, ordinals or parts of names; ``compare`` and
``metric`` read the words around it. Every word they use is data (``loaders/data/target_*``),
compiled once by ``vocabulary``.
"""

from pledgegraph.loaders.find.targets.collect import document_targets
from pledgegraph.loaders.find.targets.figures import cn_value
from pledgegraph.loaders.find.targets.prose import find_targets
from pledgegraph.loaders.find.targets.tables import table_targets

__all__ = ["find_targets", "table_targets", "document_targets", "cn_value"]
