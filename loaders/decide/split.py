"""A task that gives its parts to different bodies is several tasks.

Procedures and duty paragraphs chain their steps in one paragraph: "由各村向联席办上报拆平情况，
管理办现场核实并向区规资局上报情况，由监理公司现场确认工程量". Each step is owned by the body
that opens it, so each becomes a task of its own: the paragraph is cut where a clause opens
with a different acting body (its subject, 由X, 鼓励X), a clause that only sets the time for
the next one ("区财政局下发资金后，") staying with the step it introduces. A task whose owners
come from a list or a table is never cut: the list owns all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pledgegraph.loaders.find.roles import RoleMention
from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.outline import match_marker
from pledgegraph.loaders.spans import CLAUSE_MARKS

__all__ = ["split_by_actor"]

_ACTING = ("verb.subject", "verb.by", "verb.urge", "verb.lead")


def _time_words() -> tuple[str, ...]:
    return tuple(word for word, kind in table("role_clause_words") if kind == "time")


def _clause_start(text: str, position: int, floor: int) -> int:
    """Where the clause holding ``position`` starts, taking in the time clauses before it."""
    start = position
    while start > floor and text[start - 1] not in CLAUSE_MARKS:
        start -= 1
    while start > floor and text[start - 1] in ",，":
        previous = start - 1
        while previous > floor and text[previous - 1] not in CLAUSE_MARKS:
            previous -= 1
        if not text[previous:start - 1].endswith(_time_words()):
            break
        start = previous
    return start


_OWN_MIN = 8  # characters of its own a first sentence needs to be a step of its own
_LEAD_MAX = 20  # a first sentence this short without a comma is the item's lead sentence


def _actor_speaks_first(text: str, start: int, first_cut: int) -> bool:
    """Whole sentences before the first clause a named body opens: they are the implicit
    actor's (a duty item's first duties, before "由城管部门…" takes over)."""
    head = text[start:first_cut]
    line_end = head.find("\n")
    own = head[line_end + 1:] if 0 <= line_end < len(head) - 1 and len(head[:line_end]) <= 30 else head
    own = own.rstrip()
    marker = match_marker(own)
    bare = own[len(marker.text):] if marker is not None and own.startswith(marker.text) else own
    # A short lead sentence ("(二)加强经费保障。") heads the step after it; it is no step itself.
    return own[-1:] in "。;；" and len(bare) >= _OWN_MIN and (len(bare) > _LEAD_MAX or any(m in bare for m in ",，、"))


def split_by_actor(text: str, start: int, end: int, roles: Sequence[RoleMention],
                   is_actor: Callable[[str], bool] = lambda name: False) -> list[tuple[int, int]]:
    """The stretches ``[start, end)`` of one task falls into: one per acting body when the
    task's clauses are opened by different bodies, else the task whole. ``is_actor`` tells
    the names that denote the task's implicit actor (街道 in a 街道's plan)."""
    if any(not r.rule.startswith("verb.") for r in roles):
        return [(start, end)]
    acting = sorted((r for r in roles if r.rule in _ACTING and start <= r.at < end), key=lambda r: r.at)
    cuts: list[int] = []
    owners_by_cut: list[set[str]] = []
    for role in acting:
        cut = _clause_start(text, role.at, start)
        names = set() if is_actor(role.body) else {role.body}
        if cuts and cut == cuts[-1]:
            owners_by_cut[-1] |= names
            continue
        cuts.append(cut)
        owners_by_cut.append(names)
    if cuts and _actor_speaks_first(text, start, cuts[0]):
        cuts.insert(0, start)  # the task's own actor does the first sentences, a named body the rest
        owners_by_cut.insert(0, set())
    distinct = {frozenset(owners) for owners in owners_by_cut}
    if len(cuts) < 2 or len(distinct) < 2:
        return [(start, end)]
    bounds = [start] + cuts[1:] + [end]
    pieces = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        while right > left and text[right - 1] in " \n":
            right -= 1
        if text[left:right].strip(" ,，;；。"):
            pieces.append((left, right))
    return pieces or [(start, end)]
