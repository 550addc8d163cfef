"""Stable identities: the same body or project in any document gets the same id.

A body is identified within its jurisdiction. Plans write names relative to the issuer —
"区政府" in a 闵行区 plan is 闵行区政府, "街道党工委" in a 浦锦街道 plan is 浦锦街道党工委 — so a
name is first qualified by the place it is relative to; names that carry no administrative
prefix (党政办, 商会) are qualified by the issuer, which keeps two 街道's 党政办 apart.

A subdistrict's or town's government is the place itself, however it is written (嘉定区马陆镇
人民政府, 马陆镇政府, 马陆镇; 五角场街道办事处) and whoever writes it — its own plan as issuer, a
district plan as owner, a collective's membership — so all of them are one node. A collective
(各街镇, 各区政府, 相关部门) is identified within the issuer's jurisdiction: the 各街镇 of one
district are not those of another, however many of its bodies' plans name them.

A project is identified within the issuer's jurisdiction by its core name: the same works in
a plan ("X隧道") and in the mid-year report ("X隧道新建工程") are one project.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from pledgegraph.loaders.aliases import BodyAliases, shipped_aliases
from pledgegraph.loaders.collective import collective
from pledgegraph.loaders.jurisdiction import parse_organ, place_level
from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.record import Issuer

__all__ = ["issuer_path", "body_key", "project_key", "canonical_body_name", "stable_id", "key_city",
           "keyed_issuer", "collective_scope"]

_NATIONAL = frozenset({"党中央", "中共中央", "国务院", "全国人大", "全国政协", "中央"})
_QUOTES = re.compile(r"[“”\"'《》\s]")
_SECTION = re.compile(r"\([^()]*\)$")
_TOWN_LEVEL = ("街道", "镇", "乡")
_GENERIC_ENDINGS = ("新建工程", "改建工程", "建设工程", "新建项目", "建设项目", "工程", "项目", "建设")


def stable_id(*parts: str) -> str:
    """A short, stable id from the identifying parts (the same parts give the same id)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def key_city(issuer: Issuer) -> str:
    """The city part of ids: only where the gazetteer placed the issuer. A place known only
    from its own text names its city in some documents and not in others, and ids must not
    depend on which."""
    return (issuer.city or issuer.province or "") if issuer.province else ""


def _without_own_district(name: str, issuer: Issuer) -> str:
    """澜川区望川街道 is 望川街道 when 澜川区 is the issuer's district: the district is already
    in the key, and plans name their subdistrict both ways."""
    district = issuer.district or ""
    rest = name[len(district):]
    if district and name.startswith(district) and rest.endswith(_TOWN_LEVEL) and len(rest) > 2:
        return rest
    return name


def _place_government(name: str) -> str | None:
    """The subdistrict or town whose government ``name`` (canonical) names — the place written
    alone or with a government organ after it (data/government_organs.txt) — else None."""
    if collective(name) is not None:
        return None  # 各乡镇, 相关街镇: read by their endings they would look like places
    parsed = parse_organ(name)
    if parsed.party or not parsed.places or place_level(parsed.places[-1]) not in ("subdistrict", "town"):
        return None
    return parsed.places[-1] if parsed.organ == "" or parsed.organ in words("government_organs") else None


def _own_name(issuer: Issuer, aliases: BodyAliases | None) -> str:
    """The issuer's canonical name, its city and district prefixes left to the key; for a
    subdistrict or town, its place (the jurisdiction its relative names are written in, whichever
    of its organs — the office, the working committee — issued the plan)."""
    name = canonical_body_name(issuer.name, aliases)
    if issuer.level in ("subdistrict", "town"):
        own = [place for place in parse_organ(name).places if place_level(place) == issuer.level]
        if own:
            return own[-1]
    city = key_city(issuer) or issuer.city or ""
    if city and name.startswith(city) and len(name) > len(city) + 2:
        name = name[len(city):]
    return _without_own_district(name, issuer)


def issuer_path(issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """'上海市/闵行区/浦锦街道' for a subdistrict, '上海市/静安区' for a district government."""
    parts = [key_city(issuer), issuer.district or ""]
    if issuer.level in ("subdistrict", "town", "department"):
        parts.append(_own_name(issuer, aliases))
    return "/".join(p for p in parts if p)


def collective_scope(issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """The jurisdiction a collective of ``issuer``'s plan belongs to: a subdistrict's or
    town's place, else its district or county, else its city or province."""
    if issuer.level not in ("subdistrict", "town"):
        for name in (issuer.district, issuer.city, issuer.province):
            if name:
                return name
    return _own_name(issuer, aliases)


def canonical_body_name(name: str, aliases: BodyAliases | None = None) -> str:
    """Spelling variants of one body made equal: abbreviations by the body registry
    (区发改委 → 区发展和改革委员会), then 人民政府 → 政府, 街道办事处 → 街道."""
    name = (aliases or shipped_aliases()).resolve(_QUOTES.sub("", name))
    name = name.replace("人民政府", "政府")
    if name.endswith("街道办事处") and len(name) > 5:
        name = name[: -len("办事处")]
    return name


def _qualified(name: str, issuer: Issuer, aliases: BodyAliases | None) -> str:
    """Make a relative name absolute: 区委 → 闵行区委, 市政府 → 上海市政府, 街道党工委 → X街道党工委."""
    district, city = issuer.district or "", issuer.city or issuer.province or ""
    own = _own_name(issuer, aliases)
    if name in _NATIONAL:
        return name
    if name.startswith(("区", "县")) and district and not name.startswith(district):
        return district + name[1:]
    if name.startswith("市") and city and not name.startswith(city):
        return city + name[1:]
    if name.startswith(("街道", "镇")) and issuer.level in ("subdistrict", "town"):
        stem = re.sub(r"(?:街道|镇)$", "", own)
        return own + name[2:] if name.startswith("街道") else stem + name
    if re.match(r"^[\u4e00-\u9fff]{2,4}?[省市区县]", name) or name.startswith(own):
        return name
    return f"{own}/{name}"


def body_key(name: str, issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """The identity of a body named ``name`` in a plan issued by ``issuer``; ``aliases`` is
    the body registry (default: the shipped one)."""
    canonical = canonical_body_name(name, aliases)
    if issuer.level in ("subdistrict", "town") and canonical in ("街道", "街道办事处", "镇政府"):
        canonical = _own_name(issuer, aliases)  # "街道办事处" in a subdistrict's own plan
    city = key_city(issuer)
    if canonical in _NATIONAL:
        return f"body:中国|{canonical}"
    if collective(canonical) is not None:
        return f"body:{city}|{collective_scope(issuer, aliases)}/{canonical}"
    if place := _place_government(canonical):
        return f"body:{city}|{place}"
    if city and canonical.startswith(city) and len(canonical) > len(city) + 2:
        canonical = canonical[len(city):]  # 上海市静安区政府 is 静安区政府
    canonical = _without_own_district(canonical, issuer)
    return f"body:{city}|{_qualified(canonical, issuer, aliases)}"


def project_core(name: str) -> str:
    """The name without quotes, a trailing section in brackets, or a generic ending."""
    core = _QUOTES.sub("", name)
    core = _SECTION.sub("", core)
    for ending in _GENERIC_ENDINGS:
        if core.endswith(ending) and len(core) - len(ending) >= 2:
            core = core[: -len(ending)]
            break
    return core


def project_key(name: str, issuer: Issuer, aliases: BodyAliases | None = None) -> str:
    """The identity of a project named ``name`` in a plan issued by ``issuer``."""
    return f"project:{issuer_path(issuer, aliases)}|{project_core(name)}"


def keyed_issuer(issuer: Issuer, doc: str) -> Issuer:
    """The issuer that ids are made from. An issuer the extractor could not name is a
    different unknown body in every document: keyed by the document, so two unrelated plans
    never share an issuer (nor, through it, a lineage, bodies or projects)."""
    if issuer.known:
        return issuer
    return replace(issuer, name=f"{issuer.name}（{doc}）", level="department")
