"""The schema's kind of a body (../shared/gold/SCHEMA.md), from how its name is built.

A known organ keeps its kind (区委 party_org, 妇联 social_org) also after a prefix (区总工会);
otherwise the suffix decides (…局 department, …公司 enterprise, …学院 school), refined by the
name's parts: a working body of a party committee (区委组织部) is the party's, a company of a
jurisdiction or holding state words (区属公司, 城投公司) is a state enterprise, a city's
government is no district's.
"""

from __future__ import annotations

from functools import lru_cache

from pledgegraph.loaders.find.bodies.grammar import admin_prefix
from pledgegraph.loaders.find.bodies.vocab import grammar, lex, party_names

__all__ = ["body_kind"]


@lru_cache(maxsize=4096)  # a pure lookup asked again for every mention of the same name
def body_kind(name: str) -> str:
    """The schema's body kind of ``name``, from the organ list and the suffix table."""
    lexicon, bare = lex(), name.strip("“”")
    if bare in lexicon.organs:
        return lexicon.organs[bare]
    if bare in party_names():
        return party_names()[bare]
    ending = lexicon.organ_re.search(bare, max(0, len(bare) - 6))
    if ending and ending.end() == len(bare) and ending.start() > 0:
        return lexicon.organs[ending.group()]  # 街道纪工委, 区总工会: a prefixed organ keeps its kind
    parent = lexicon.organ_re.match(bare)
    for suffix, (kind, _) in lexicon.suffixes.items():
        if bare.endswith(suffix):
            if kind == "department" and parent and lexicon.organs[parent.group()] == "party_org":
                return "party_org"  # 区委组织部, 区委办: a working body of a party committee
            if kind == "enterprise" and (admin_prefix().match(bare) or lexicon.state_re.search(bare)):
                return "state_enterprise"
            if kind == "enterprise" and any(word in bare for word in grammar("school_words")):
                return "school"
            return "other" if kind == "district_gov" and bare.endswith(grammar("city_government")) else kind
    if any(mark in bare for mark in grammar("subdistrict_marks")):
        return "subdistrict_gov"
    if bare.endswith(grammar("town_endings")):
        return "town_gov"
    return "department" if admin_prefix().match(bare) else "other"
