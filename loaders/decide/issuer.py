"""Who issued a plan: the envelope first (its senders, then its signature), then the title,
then the place the text names most — and where that body sits in China's hierarchy.

The name is kept as written in its fullest form (a sender written "黄浦区人民政府办公室" in the
title and "上海市黄浦区人民政府办公室" under the notice is the latter). Co-issuers are the
other senders and signers; a forwarded plan's drafter (转发区X局制订的《…》) is kept apart.
The level follows what the organ is (jurisdiction.organ_role): a government, its office, a
party committee or a coordinating body takes the level of its place (city, district, county,
subdistrict, town); a bureau or commission is a department, placed in its district.
"""

from __future__ import annotations

import re

from pledgegraph.loaders.jurisdiction import (
    choose_place,
    organ_role,
    parse_organ,
    place_endings,
    place_level,
    places_named,
)
from pledgegraph.loaders.layout.record import Layout
from pledgegraph.loaders.lexicon import alternation, table
from pledgegraph.loaders.record import Issuer

__all__ = ["decide_issuer", "UNKNOWN_ISSUER"]

UNKNOWN_ISSUER = "未知发文机关"
_YEAR = re.compile(r"(?:19|20)\d\d\s*(?:年|—|-|－|~)")


def _same_body(a: str, b: str) -> bool:
    return a == b or a.endswith(b) or b.endswith(a)


def _fullest(name: str, others: list[str]) -> str:
    return max([name] + [o for o in others if _same_body(o, name)], key=len)


def _title_name(title: str) -> str | None:
    """The issuer a plan's title opens with: 浦锦街道2023年工作计划 → 浦锦街道,
    2023年嘉定镇街道规划计划 → 嘉定镇街道 (only when what is left names an organ or place)."""
    kinds = sorted((word for word, _ in table("doc_kind_words")), key=len, reverse=True)
    head = _YEAR.split(title, maxsplit=1)[0].strip()
    if not head:
        rest = _YEAR.sub("", title, count=1)
        head = next((rest.split(word)[0] for word in kinds if word in rest), "").strip()
    organ = parse_organ(head) if len(head) >= 2 else None
    if organ is None or not (organ.places or head.startswith(tuple(w for w, _ in place_endings()))):
        return None
    return head


def _text_name(text: str) -> str | None:
    counts = places_named(text)
    towns = [name for name, _ in counts.most_common() if place_level(name) in ("subdistrict", "town")]
    if towns:
        return towns[0]
    return counts.most_common(1)[0][0] if counts else None


def _level(role: str, places: tuple[str, ...], organ: str) -> tuple[str, bool]:
    """The level, and whether it was only guessed (no place, no level word to read it from)."""
    if role == "department":
        return "department", False
    if places:
        return place_level(places[-1]), False
    # "区政府", "街道党工委": an organ written with a bare level word instead of its place's name.
    found = next((level for word, level in place_endings() if organ.startswith(word)), None)
    return (found, False) if found else ("district", True)


def _placed(name: str, role: str, text: str, rule: str, **extra: object) -> Issuer:
    parsed = parse_organ(name)
    level, guessed = _level(role, parsed.places, parsed.organ)
    district = city = province = None
    ambiguous = False
    if parsed.places:
        deepest = parsed.places[-1]
        place, ambiguous = choose_place(deepest, parsed.places[:-1], text)
        if place is not None:
            district = place.district or (place.name if place.level in ("district", "county") else None)
            city, province = place.city or None, place.province or None
        else:  # a place the gazetteer does not know: its parents as written, or as the text writes them
            district = next((p for p in reversed(parsed.places) if place_level(p) in ("district", "county")), None)
            city = next((p for p in parsed.places if place_level(p) == "city"), None)
            if district is None and place_level(deepest) in ("subdistrict", "town"):
                endings = alternation(e for e, level in place_endings() if level in ("district", "county"))
                written = re.search(rf"([\u4e00-\u9fff]{{2,4}}?{endings}){re.escape(deepest)}", text)
                district = written.group(1) if written else None
            if city is None and district:
                written = re.search(rf"([\u4e00-\u9fff]{{2,3}}?市){re.escape(district)}", text)
                city = written.group(1) if written else None
    return Issuer(name=name, level=level, district=district, city=city, province=province,
                  ambiguous=ambiguous, rule=rule + ("+level.guessed" if guessed else ""), **extra)


def decide_issuer(layout: Layout, text: str) -> Issuer:
    """The issuer of the document ``layout`` describes (``text``: the analysed text)."""
    envelope = layout.envelope
    senders = [n.name for n in envelope.senders] if envelope else []
    signers = [n.name for n in envelope.signers] if envelope else []
    if senders:
        name, rule = _fullest(senders[0], signers), "envelope.sender"
    elif signers:
        name, rule = signers[0], "envelope.signer"
    elif layout.title and (found := _title_name(layout.title)):
        name, rule = found, "title"
    elif found := _text_name(text):
        name, rule = found, "text.place"
    else:
        name, rule = UNKNOWN_ISSUER, "unknown"
    co_issuers = []
    for other in senders[1:] + signers:
        if not _same_body(other, name) and not any(_same_body(other, known) for known in co_issuers):
            co_issuers.append(other)
    parsed = parse_organ(name)
    role = organ_role(parsed.organ, parsed.party)
    drafted = envelope.drafted_by.name if envelope and envelope.drafted_by else None
    return _placed(name, role, text, rule, co_issuers=tuple(co_issuers), drafted_by=drafted)
