"""Responsibility in a table row: its owner cells, read by the column they sit in.

A 牵头单位 cell leads (every body in it), a 配合单位 cell cooperates, a 责任单位 cell is a
plain list (the first leads) unless role words inside it say otherwise (A牵头，B配合); in an
allocation table, where a row gives a place or body its quantity, the row's place leads.
"""

from __future__ import annotations

from pledgegraph.loaders.find.roles import RoleMention, list_roles

__all__ = ["row_roles"]

_HOW = {"lead": "lead_each", "cooperate": "cooperate", "responsible": "first_leads", "place": "lead_each"}


def row_roles(task, found) -> list[RoleMention]:
    """Role mentions of the table row behind ``task`` (a tasks.Task with a row)."""
    row, table = task.row, task.table
    owner_roles = ("lead", "cooperate", "responsible")
    has_owner_column = any(role in owner_roles for _, role in table.header)
    wanted = owner_roles if has_owner_column else ("place",) if table.kind == "allocation" else ()
    out: list[RoleMention] = []
    for cell in row.cells:
        if cell.role not in wanted:
            continue
        for body, role in list_roles(cell.text, _HOW[cell.role]):
            if cell.role == "cooperate":
                role = "cooperate"
            out.append(RoleMention(body, role, f"table.{cell.role}", task.start, task.end, cell.text))
    return out
