"""The ``audit`` command: commitments that lack an owner, a target, a deadline or a deliverable."""

from __future__ import annotations

import json

import click
from pledgegraph.cli_graph import _with_store
from pledgegraph.graph.store import Store
from pledgegraph.loaders.record import THEMES
from pledgegraph.queries.audit import CHECKS, Audit, audit
from pledgegraph.textfmt import render_table

__all__ = ["register"]

_COUNT_COLUMNS = ["commitments", *(f"no {check}" for check in CHECKS)]


def _count_rows(rows: list[dict]) -> list[list]:
    return [[row["name"], row["commitments"], *(row[f"no_{check}"] for check in CHECKS)] for row in rows]


def _render(result: Audit) -> str:
    totals = result.totals()
    lines = [f"{totals['commitments']} commitments, {totals['flagged']} missing something: "
             + ", ".join(f"{totals[f'no_{check}']} without {check}" for check in CHECKS), ""]
    lines += ["By lead body:", render_table(["body", *_COUNT_COLUMNS], _count_rows(result.by_body)), ""]
    lines += ["By theme:", render_table(["theme", *_COUNT_COLUMNS], _count_rows(result.by_theme)), ""]
    flagged = [[c["document"], c["commitment"], "、".join(c["leads"]), ", ".join(c["missing"])] for c in result.flagged]
    lines += ["Missing:", render_table(["document", "commitment", "lead", "missing"], flagged) if flagged else "(none)"]
    return "\n".join(lines)


@click.command("audit")
@click.option("--body", metavar="NAME", help="Only commitments this body leads (part of its name will do).")
@click.option("--theme", type=click.Choice(THEMES), help="Only commitments under this theme.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_with_store
def audit_command(store: Store, body: str | None, theme: str | None, fmt: str) -> None:
    """Check every commitment for an owner, a measurable target, a deadline and a named
    deliverable; list the ones missing any, with counts per lead body and per theme.

    \b
    owner        a lead body; a district government's own plan assigns work, so there
                 the issuer alone is no owner (a 街道's own plan: it is)
    target       a number with a unit (新增养老床位60张)
    deadline     a date in the text (年底前, 6月底前完成)
    deliverable  a named project, programme, title or document the task concerns

    \b
    Examples:
      pledgegraph audit
      pledgegraph audit --body 区建设管理委 --theme urban_development
      pledgegraph audit --format json > audit.json
    """
    result = audit(store, body, theme)
    if fmt == "json":
        data = {"totals": result.totals(), "by_body": result.by_body, "by_theme": result.by_theme,
                "commitments": result.commitments}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(_render(result))


def register(group: click.Group) -> None:
    group.add_command(audit_command)
