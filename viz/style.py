"""How each kind of node and edge looks: colour, shape, dashes, and the legend built from them.

Colours are chosen to be told apart by people with the commoner colour-vision deficiencies
(Okabe–Ito palette); lead and cooperate differ in dash and width as well as colour.
"""

from __future__ import annotations

__all__ = ["NODE_STYLE", "edge_style", "LEGEND_NODES", "LEGEND_EDGES"]

NODE_STYLE: dict[str, dict[str, object]] = {
    "Plan": {"color": "#999999", "shape": "box", "size": 18},
    "Body": {"color": "#E69F00", "shape": "dot", "size": 16},
    "Commitment": {"color": "#56B4E9", "shape": "square", "size": 8},
    "Project": {"color": "#009E73", "shape": "diamond", "size": 14},
    "Theme": {"color": "#CC79A7", "shape": "star", "size": 22},
    "Target": {"color": "#0072B2", "shape": "triangle", "size": 8},
    "Place": {"color": "#8C564B", "shape": "hexagon", "size": 16},
}

_EDGE_STYLE: dict[str, dict[str, object]] = {
    "RESPONSIBLE_FOR:lead": {"color": "#D55E00", "width": 3, "dashes": False, "label": "牵头 lead"},
    "RESPONSIBLE_FOR:cooperate": {"color": "#E69F00", "width": 1.5, "dashes": True, "label": "配合 cooperate"},
    "CONCERNS": {"color": "#009E73", "width": 1, "dashes": False, "label": "concerns"},
    "CONTAINS": {"color": "#BBBBBB", "width": 1, "dashes": False, "label": "contains"},
    "UNDER_THEME": {"color": "#CC79A7", "width": 1, "dashes": True, "label": "under theme"},
    "HAS_TARGET": {"color": "#0072B2", "width": 1, "dashes": False, "label": "has target"},
    "DEPENDS_ON": {"color": "#000000", "width": 2.5, "dashes": False, "label": "depends on"},
    "SUPPORTS": {"color": "#56B4E9", "width": 2, "dashes": True, "label": "supports"},
    "COOPERATES_WITH": {"color": "#F0E442", "width": 2, "dashes": True, "label": "cooperates with"},
    "ISSUED": {"color": "#999999", "width": 2, "dashes": False, "label": "issued"},
    "CO_ISSUED": {"color": "#999999", "width": 1, "dashes": True, "label": "co-issued"},
    "DRAFTED": {"color": "#7f7f7f", "width": 1, "dashes": True, "label": "drafted"},
    "PART_OF": {"color": "#8C564B", "width": 1, "dashes": True, "label": "part of"},
    "TRACKS": {"color": "#D55E00", "width": 2, "dashes": [2, 6], "label": "tracks (later → earlier)"},
    "MEMBER_OF": {"color": "#E69F00", "width": 1, "dashes": [1, 4], "label": "member of (各街镇 …)"},
}


def edge_style(edge_type: str, role: str | None = None) -> dict[str, object]:
    """Style of an edge; RESPONSIBLE_FOR differs by role."""
    key = f"{edge_type}:{role}" if edge_type == "RESPONSIBLE_FOR" else edge_type
    return _EDGE_STYLE.get(key, {"color": "#777777", "width": 1, "dashes": False, "label": edge_type})


LEGEND_NODES = [(label, str(style["color"]), str(style["shape"])) for label, style in NODE_STYLE.items()]
LEGEND_EDGES = [(str(s["label"]), str(s["color"]), bool(s["dashes"])) for s in _EDGE_STYLE.values()]
