"""Stable identities: the same body or project in any document gets the same id.

A body is identified by its jurisdiction and its organ: ``body:{city}|{district}/{town}|{organ}``.
An organ's name is its places written outside-in, then the organ (jurisdiction.parse_organ);
plans write the places relative to the issuer — "区政府" in a 闵行区 plan is 闵行区's government,
"街道党工委" in a 浦锦街道 plan is 浦锦街道's, and a name with no place at all (发展改革委 in a
静安区 department's plan, 党政办 in a 街道's) belongs to the issuer's own place. The organ is
spelt one way: the body registry's full name (发改委 → 发展和改革委员会, data/body_aliases.txt),
then the folds of data/body_organ_folds.txt (人民政府, 办事处 or the place alone → 政府; 中共X区
委员会 → 党委). So 望川街道, 望川街道办事处 and 澜川区望川街道 are one body, and 发展改革委 and
上海市静安区发展和改革委员会 in 静安区 plans are another.

A project is identified within the issuer's jurisdiction by its core name: the same works in
a plan ("X隧道") and in the mid-year report ("X隧道新建工程") are one project.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pledgegraph.loaders.aliases import BodyAliases, shipped_aliases
from pledgegraph.loaders.collective import collective, collective_key
from pledgegraph.loaders.find.bodies.vocab import grammar
from pledgegraph.loaders.jurisdiction import gazetteer, parse_organ, place_level
from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.record import Issuer

__all__ = ["issuer_path", "body_key", "body_place", "project_key", "canonical_body_name", "key_city", "keyed_issuer",
           "governed_place"]

_QUOTES = re.compile(r"[“”\"'《》\s]")
_SECTION = re.compile(r"\([^()]*\)$")


def _nation() -> str:
    return grammar("nation")[0]


@cache
def _national() -> frozenset[str]:
    return frozenset(w for line in words("body_national") for w in line.split())


@cache
def _levels() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table("body_levels"), key=lambda row: -len(row[0])))


@cache
def _folds() -> dict[tuple[str, bool], str]:
    out = {}
    for written, organ, party_only in table("body_organ_folds"):
        out[(written, True)] = organ
        if party_only == "no":
            out[(written, False)] = organ
    return out


@cache
def _project_endings() -> tuple[str, ...]:
    return tuple(sorted((w for line in words("project_key_endings") for w in line.split()), key=len, reverse=True))


def key_city(issuer: Issuer) -> str:
    """The city part of ids: only where the gazetteer placed the issuer. A place known only
    from its own text names its city in some documents and not in others, and ids must not
    depend on which."""
    return (issuer.city or issuer.province or "") if issuer.province else ""


def canonical_body_name(name: str, aliases: BodyAliases | None = None) -> str:
    """``name`` without quotes, its abbreviation replaced by the registry's full name
    (区发改委 → 区发展和改革委员会)."""
    return (aliases or shipped_aliases()).resolve(_QUOTES.sub("", name))


def _own_place(issuer: Issuer) -> str | None:
    """The subdistrict or town a 街道's or 镇's plan is issued by (头桥街道 of
    上海市奉贤区人民政府头桥街道办事处), None for other issuers."""
    if issuer.level not in ("subdistrict", "town"):
        return None
    places = parse_organ(issuer.name).places
    return places[-1] if places and place_level(places[-1]) in ("subdistrict", "town") else issuer.name


def _district_of(town: str, issuer: Issuer) -> str:
    """The district a subdistrict or town written without one lies in: the issuer's when the
    gazetteer has it there, else its only namesake in the issuer's city."""
    found = [p for p in gazetteer().get(town, ()) if p.level in ("subdistrict", "town")]
    if issuer.district and (not found or any(p.district == issuer.district for p in found)):
        return issuer.district
    in_city = {p.district for p in found if p.city == (issuer.city or p.city)}
    return next(iter(in_city)) if len(in_city) == 1 else ""


def _path(places: tuple[str, ...], issuer: Issuer) -> str:
    """``district/town`` (or ``district``, or ``city`` for a city's organ) of written places."""
    lowest = places[-1]
    level = place_level(lowest)
    if lowest == _own_place(issuer) and issuer.district:
        return f"{issuer.district}/{lowest}"  # the issuer's own place, wherever the gazetteer has namesakes
    if level in ("subdistrict", "town"):
        written = [p for p in places[:-1] if place_level(p) in ("district", "county")]
        return f"{written[-1] if written else _district_of(lowest, issuer)}/{lowest}"
    if level in ("district", "county"):
        return lowest
    return lowest if lowest != key_city(issuer) else ""


def _relative(name: str, issuer: Issuer) -> tuple[str, str] | None:
    """(path, rest) for a name opening with a level word alone (区政府, 街道党工委)."""
    own = _own_place(issuer)
    for word, whose in _levels():
        if whose == "own" and own and name == word:
            return _path((own,), issuer), ""  # 街道, 镇: a 街道's or 镇's plan naming itself
        if not name.startswith(word) or len(name) == len(word):
            continue
        rest = name[len(word):]
        if whose == "own" and own:
            return f"{_path((own,), issuer)}", rest
        if whose == "district" and issuer.district:
            return issuer.district, rest
        if whose in ("city", "province"):
            return "", rest
        return (issuer.district or ""), name  # 镇政府 in a district's plan: its towns, as a kind
    return None


def _organ(organ: str, party: bool) -> str:
    return _folds().get((organ, party), organ)


def body_place(name: str, issuer: Issuer, aliases: BodyAliases | None = None) -> tuple[str, str]:
    """(jurisdiction path, organ) of a body named ``name`` in a plan issued by ``issuer``:
    ('闵行区/吴泾镇', '财政所') for 镇财政所 in 吴泾镇's plan."""
    canonical = canonical_body_name(name, aliases)
    if canonical in _national():
        return _nation(), canonical
    own = _own_place(issuer)
    if (group := collective(canonical)) is not None:
        # 各街镇, 相关乡镇: a collective of the issuer's jurisdiction, though it ends like a place
        return (_path((own,), issuer) if own else (issuer.district or "")), collective_key(group)
    parsed = parse_organ(canonical)
    bare = canonical.removeprefix(grammar("party_prefix")[0])
    relative = _relative(bare, issuer)
    # 区城市更新中心: a level word opening the name, not a place the gazetteer lacks (区城市)
    if parsed.places and (relative is None or parsed.places[0] in gazetteer()):
        return _path(parsed.places, issuer), _organ(parsed.organ, parsed.party)
    if relative is not None:
        path, rest = relative
        return path, _organ(rest, bare != canonical)
    path = _path((own,), issuer) if own else (issuer.district or "")
    return path, _organ(bare, bare != canonical)  # no place written: the issuer's own place


def body_key(name: str, issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """The identity of a body named ``name`` in a plan issued by ``issuer``; ``aliases`` is
    the body registry (default: the shipped one)."""
    path, organ = body_place(name, issuer, aliases)
    if path == _nation():
        return f"body:{path}|{organ}"
    if not path and not issuer.known:
        path = issuer.name  # nowhere to place it: the document's own unknown issuer's (keyed_issuer)
    return f"body:{key_city(issuer)}|{path}|{organ}"


def governed_place(body_id: str) -> str | None:
    """The subdistrict or town whose government ``body_id`` is (``body:上海市|闵行区/望川街道|政府``
    → 望川街道), else None: what a collective of its district may gather from the graph."""
    parts = body_id.removeprefix("body:").split("|")
    if len(parts) != 3 or "/" not in parts[1] or parts[2] != _organ("", False):
        return None
    return parts[1].rsplit("/", 1)[1]


def issuer_path(issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """'上海市/闵行区/浦锦街道' for a subdistrict, '上海市/静安区' for a district government,
    '上海市/静安区/发展和改革委员会' for one of its departments."""
    path, organ = body_place(issuer.name, issuer, aliases)
    parts = [key_city(issuer), *path.split("/")]
    if issuer.level == "department":
        parts.append(organ)
    return "/".join(p for p in parts if p)


def project_core(name: str) -> str:
    """The name without quotes, a trailing section in brackets, or a generic ending."""
    core = _QUOTES.sub("", name)
    core = _SECTION.sub("", core)
    for ending in _project_endings():
        if core.endswith(ending) and len(core) - len(ending) >= 2:
            core = core[: -len(ending)]
            break
    return core


def project_key(name: str, issuer: Issuer, aliases: BodyAliases | None = None, jurisdiction: str | None = None) -> str:
    """The identity of a project named ``name`` in a plan issued by ``issuer``; ``jurisdiction``
    is ``issuer_path(issuer, aliases)`` when the caller has it already."""
    return f"project:{issuer_path(issuer, aliases) if jurisdiction is None else jurisdiction}|{project_core(name)}"


def keyed_issuer(issuer: Issuer, doc: str) -> Issuer:
    """The issuer that ids are made from. An issuer the extractor could not name is a
    different unknown body in every document: keyed by the document, so two unrelated plans
    never share an issuer (nor, through it, a lineage, bodies or projects)."""
    if issuer.known:
        return issuer
    return replace(issuer, name=f"{issuer.name}（{doc}）", level="department")
