"""A view as one self-contained HTML page: pyvis builds the network, the page inlines everything.

pyvis's own page (even in its "in_line" mode) pulls bootstrap and tom-select from a CDN, and
government intranets have no internet; so pyvis assembles nodes, edges and options, and our
template inlines vis-network's script and stylesheet from the pyvis package. The page's
Content-Security-Policy forbids any network request.

Document text reaches the page only as JSON inside a script, with ``<``, ``>`` and ``&``
escaped so no name can close the script or open a ``<!--``; the page's own code sets it with
``textContent``, and vis-network shows string tooltips as text. A name like
``<img src=x onerror=…>`` is shown, never run.

The template is filled in one pass over the template alone (:func:`fill_template`): text put
in is never scanned for markers again, so a node named ``@@VIS_JS@@`` stays a name and a focus
named ``@@DATA@@`` stays in the title as those eight characters.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from pledgegraph.viz.layout import positions as layout_positions
from pledgegraph.viz.style import LEGEND_EDGES, LEGEND_NODES, NODE_STYLE, edge_style
from pledgegraph.viz.subgraph import View
from pyvis.network import Network

__all__ = ["render_html", "script_json", "fill_template", "VIS_DIR"]

_LABEL_MAX = 14
_DETAIL_FIELDS = ("name", "kind", "status", "theme", "deadline", "section", "metric", "comparator", "value",
                  "unit", "aliases", "jurisdiction", "district", "year", "doc_type", "doc", "evidence", "text")
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
"""vis-network's script and stylesheet as the installed pyvis ships them (the page and the server use them; no copy in the repo)."""
_VIS = VIS_DIR


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element (no "</script>", no "<!--", no U+2028)."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


_MARKER = re.compile(r"@@([A-Z_]+)@@")


def fill_template(template: str, values: dict[str, str]) -> str:
    """Each ``@@NAME@@`` of ``template`` replaced by ``values["NAME"]``, in one pass.

    >>> fill_template("<b>@@A@@</b>@@B@@", {"A": "@@B@@", "B": "1"})
    '<b>@@B@@</b>1'
    """
    missing = sorted(set(_MARKER.findall(template)) - set(values))
    if missing:
        raise KeyError(f"the page template has markers with no value: {', '.join(missing)}")
    return _MARKER.sub(lambda marker: values[marker.group(1)], template)


def _short(name: str) -> str:
    return name if len(name) <= _LABEL_MAX else name[: _LABEL_MAX - 1] + "…"


def _details(node_id: str, attrs: dict) -> dict:
    fields = [("type", attrs["label"])]
    fields += [(key, str(attrs[key])) for key in _DETAIL_FIELDS if attrs.get(key) not in (None, "")]
    if attrs.get("span_start") is not None:
        fields.append(("span", f"{attrs['span_start']}–{attrs['span_end']}"))
    fields.append(("id", node_id))
    return {"title": f"{attrs['label']}: {attrs.get('name') or node_id}", "fields": fields}


_ROLE_ORDER = {"lead": 0, "cooperate": 1}


def _plan_titles(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Document id → the title its plan node carries (where the plan is in the view)."""
    return {str(d["doc"]): str(d.get("title") or d.get("name") or d["doc"])
            for _, d in graph.nodes(data=True) if d["label"] == "Plan" and d.get("doc")}


def _owners(graph: nx.MultiDiGraph, node_id: str, titles: dict[str, str]) -> list[dict]:
    """Who is responsible for ``node_id``: one row per body, role and document, lead first,
    with the evidence sentence and the rule that decided it (the panel answers "who owns")."""
    rows = []
    for body, _, attrs in graph.in_edges(node_id, data=True):
        if attrs["type"] != "RESPONSIBLE_FOR":
            continue
        doc = str(attrs.get("doc") or "")
        rows.append({"role": str(attrs.get("role") or ""), "body": str(graph.nodes[body].get("name") or body),
                     "id": body, "doc": doc, "plan": titles.get(doc, doc), "evidence": str(attrs.get("evidence") or ""),
                     "rule": str(attrs.get("rule") or "")})
    return sorted(rows, key=lambda r: (_ROLE_ORDER.get(r["role"], 2), r["doc"], r["body"]))


def _network(view: View) -> tuple[Network, dict, dict]:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    positions = layout_positions(view.graph)
    details = {}
    titles = _plan_titles(view.graph)
    for node_id, attrs in view.graph.nodes(data=True):
        style = NODE_STYLE[attrs["label"]]
        name = str(attrs.get("name") or node_id)
        x, y = positions[node_id]
        tooltip = f"{attrs['label']}: {name}" + (f"\n{attrs['evidence'][:160]}" if attrs.get("evidence") else "")
        net.add_node(node_id, label=_short(name), title=tooltip, color=style["color"], shape=style["shape"],
                     size=style["size"], x=x, y=y, physics=False, kind=attrs["label"], fullName=name)
        details[node_id] = _details(node_id, attrs)
        if attrs["label"] in ("Project", "Commitment"):
            details[node_id]["owners"] = _owners(view.graph, node_id, titles)
    edge_details = {}
    for number, ((source, target, kind, role), group) in enumerate(_parallel(view.graph).items()):
        style = edge_style(kind, role or None)
        edge_id = f"edge:{number}"
        name = f"{kind} {role}".strip()
        ends = f"{view.graph.nodes[source].get('name') or source} → {view.graph.nodes[target].get('name') or target}"
        title = "\n".join([f"{name} ({len(group)} documents)" if len(group) > 1 else name]
                          + [f"{titles.get(str(a.get('doc')), a.get('doc') or '')}: {(a.get('evidence') or '')[:120]}"
                             for a in group[:5]] + (["…"] if len(group) > 5 else []))
        extra = {"label": f"×{len(group)}", "font": {"size": 11, "align": "middle"}} if len(group) > 1 else {}
        net.add_edge(source, target, id=edge_id, color=style["color"], dashes=style["dashes"], title=title,
                     width=float(style["width"]) * (1.5 if len(group) > 1 else 1), count=len(group), **extra)
        edge_details[edge_id] = {
            "title": f"{name}: {ends}",
            "fields": [("type", kind), *([("role", role)] if role else []), ("documents", str(len(group)))],
            "documents": [{"plan": titles.get(str(a.get("doc")), str(a.get("doc") or "")), "doc": str(a.get("doc") or ""),
                           "evidence": str(a.get("evidence") or ""), "rule": str(a.get("rule") or ""),
                           "status": str(a.get("status") or "")} for a in group],
        }
    return net, details, edge_details


def _parallel(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str, str], list[dict]]:
    """Edges of one type (and role) between the same two nodes, from several documents, as one
    group: drawn as one edge with a count, so no document's edge lies hidden under another's."""
    groups: dict[tuple[str, str, str, str], list[dict]] = {}
    for source, target, attrs in graph.edges(data=True):
        groups.setdefault((source, target, str(attrs["type"]), str(attrs.get("role") or "")), []).append(attrs)
    for group in groups.values():
        group.sort(key=lambda a: (str(a.get("doc") or ""), a.get("span_start") or 0))
    return groups


_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, sans-serif"}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False},
}


def render_html(view: View, title: str = "pledgegraph") -> str:
    """The view as one HTML page that needs nothing but a browser."""
    net, details, edge_details = _network(view)
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _OPTIONS,
        "details": details,
        "edgeDetails": edge_details,
        "focus": view.focus,
        "legend": {"nodes": LEGEND_NODES, "edges": LEGEND_EDGES},
    }
    template = resources.files("pledgegraph.viz").joinpath("template.html").read_text(encoding="utf-8")
    return fill_template(template, {
        "TITLE": html.escape(title),
        "NOTE": html.escape(f"{view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} edges — {view.note}"),
        "NOTE_CLASS": "truncated" if view.truncated else "",
        "VIS_CSS": (_VIS / "vis-network.css").read_text(encoding="utf-8"),
        "VIS_JS": (_VIS / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "DATA": script_json(data),
    })
