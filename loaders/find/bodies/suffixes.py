"""Names ending in an organ suffix (委员会, 局, 办, 中心, 公司, 学院 — ``data/body_suffixes.txt``),
their left edge found by the grammar (grammar.py). Short suffixes need a jurisdiction before
them; a category (民办中小学), a facility (社区卫生服务中心) or a school being built is no body.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.bodies.grammar import (
    MAX_NAME,
    acts,
    admin_prefix,
    admin_start,
    inner_prefix,
    is_category,
    is_cjk,
    joins_next,
    jurisdiction_led,
    left_edge,
    registry_start,
)
from pledgegraph.loaders.find.bodies.kinds import body_kind
from pledgegraph.loaders.find.bodies.vocab import grammar, lex
from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.record import BodyMention

__all__ = ["suffix_mentions"]

# Kinds a subdistrict never owns: "发挥街道上海戏剧学院…" — 街道 is a locative there.
_UNOWNED_KINDS = frozenset({"school", "hospital", "enterprise", "state_enterprise"})


@cache
def _false_endings() -> tuple[str, ...]:
    return tuple(words("body_false_endings"))


def _built_before(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].endswith(grammar("built_before"))


def _campus_after(text: str, end: int) -> bool:
    after = text[end:end + 6]
    if after.startswith("("):
        return True
    return any(re.match(rf"[\u4e00-\u9fff]{{0,4}}{re.escape(word)}", after) for word in grammar("campus_after"))


def _core_start(text: str, match: re.Match[str]) -> int:
    """Where the scan for the name's left edge begins: before the suffix, or before the
    whole of a registry name that ends here (发展和改革委员会, 住房城乡建设管理委: its 和 is no
    list's, its 建设 no verb)."""
    start = registry_start(text, match.end())
    return start if start is not None and match.end() - start > len(match.group()) else match.start()


def _suffix_start(text: str, match: re.Match[str], organ_at: dict[int, BodyMention]) -> int:
    """Where the name ending in ``match`` (a suffix) starts."""
    suffix, end = match.group(), match.end()
    kind, needs_prefix = lex().suffixes[suffix]
    start = left_edge(text, _core_start(text, match), organ_at)
    while start < match.start() and text[start] in grammar("not_first"):
        start += 1
    for word in grammar("between_places"):  # 奉贤区人民政府+头桥街道办事处: the lower organ here
        at = text.rfind(word, start, match.start())
        if at >= 0 and at + len(word) < match.start():  # not 人民政府办公室: the government's own office
            start = at + len(word)
    organ = organ_at.get(start)  # 党工委+理论中心组: named after its parent organ
    if organ and 0 < match.start() - start <= 4 and text[start] not in grammar("level_chars"):
        start = organ.start
    if not admin_prefix().match(text[start:end]):
        start = admin_start(text, start, end)  # 区投资促进工作领导小组: 促进 read as a verb
    if needs_prefix:
        start = inner_prefix(text, start, end)
    if kind in _UNOWNED_KINDS and text.startswith(grammar("subdistrict_words"), start) \
            and end - start - 2 >= len(suffix) + 2:
        start += 2
    if not needs_prefix and match.start() - start == 1 and start > 0 and is_cjk(text[start - 1]) \
            and not any(text[max(0, start - size):start] in lex().boundaries for size in (2, 3, 4)):
        start -= 1  # 与同济大学: a one-character 同 was no function word (but 完善 was a verb)
    return start


def _is_body_name(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether text[start:match.end()] names an organisation rather than a facility, category …"""
    suffix, end = match.group(), match.end()
    kind, needs_prefix = lex().suffixes[suffix]
    name = text[start:end]
    core = name[: -len(suffix)].strip("“”")
    if len(core) < (2 if needs_prefix else 1) or (needs_prefix and not admin_prefix().match(name)):
        return False
    if suffix in lex().core_endings and not core.endswith(lex().core_endings[suffix]):
        return False  # 所属地村委会: a committee named after no village
    if kind in ("town_gov", "subdistrict_gov") and len(core) < 2:
        return False  # 街镇政府: a place's government is named after a place
    if len(name) > MAX_NAME or name.count("(") != name.count(")") or name.count("“") != name.count("”"):
        return False
    if name.endswith(_false_endings()):
        return False  # 餐饮场所, 文化活动中心: a place, not an office
    centre = grammar("facility_suffix")
    if suffix.endswith(centre) and (lex().facility_re.search(core)
                                    or (suffix in centre and not jurisdiction_led().match(name))):
        return False  # 区城运中心 is an agency; 某某服务中心 is usually a facility (a project)
    if is_category(core) or not acts(text, start, end, kind):
        return False
    # a school or centre being built, or named with its campus, is a project
    return not ((kind == "school" or suffix in centre) and (
        _built_before(text, start) or _campus_after(text, end)))


def suffix_mentions(text: str, organs: list[BodyMention]) -> list[BodyMention]:
    out = []
    organ_at = {m.end: m for m in organs}
    for match in lex().suffix_re.finditer(text):
        suffix, end = match.group(), match.end()
        if joins_next(text, end) or text[end - 2:end] in lex().endings:
            continue
        if suffix in grammar("department_bu") and text[end - 2:end - 1] in grammar("not_before_bu"):
            continue
        start = _suffix_start(text, match, organ_at)
        if _is_body_name(text, start, match):
            out.append(BodyMention(text[start:end], body_kind(text[start:end]), start, end, "suffix"))
    return out
