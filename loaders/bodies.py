"""Organisations named in a plan: governments, party organs, departments, companies …

Signals, from lexicons in ``data/``: organs named without a proper name (区委, 人大, 妇联 —
``body_organs.txt``); names ending in an organisational suffix (委员会, 局, 公司, 学院 —
``body_suffixes.txt``; short ones like 局/委/办 only after 区/市/县/镇/街道/国家, so 举办 is no
office); subdistricts the gazetteer knows (五角场街道, unlike 最美街道); and the items of a
responsibility list (牵头单位:A、B). Not bodies although they look alike: an organ in a meeting's
name (十二届市委二次全会) or a member's title (人大代表), a school being built or a service centre
(projects), a category (民办中小学, 名师工作室), a road named after one (大学路).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pledgegraph.loaders.collective import collective_heads
from pledgegraph.loaders.lexicon import data_text, table, words
from pledgegraph.loaders.record import BodyMention

__all__ = ["find_bodies", "body_kind", "split_body_list", "looks_like_body"]

_MAX_NAME = 16
_MAX_SUBDISTRICT = 9
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A name character: CJK ideographs (U+4E00–U+9FFF) or one of these.
_NAME_OTHER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz·”“()")
_STOP = set(",，。;；:：、!！?？\n\t \"《》和及与")
# 服务商, 服务业, 投资者: a boundary verb followed by one of these is a noun inside the name.
_NOUN_AFTER_VERB = frozenset("商业者员型")
# 区发改委, 街道城运中心, 静安区卫健委 — but not 社区/小区/园区…, which are no jurisdictions.
_ADMIN_PREFIX = re.compile(
    r"^(?:[省市区县镇](?![域块间级场])|街道|国家(?!级)|"
    r"[\u4e00-\u9fff]{2,4}?(?<![社小园片城辖景街校全本该])[省市区县镇](?![域块间级场]))"
)
_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fff]{2,4}?(?<![社小园片城辖景街校全本该])[区县市](?![域块间级场])")
_ALLOWED_BEFORE_ORGAN = set("、和及与,，。;；:：的在由向对级合本各全同并好(（“\n ")
_MEETING_AFTER = re.compile(r"^(?:[一二三四五六七八九十]+次)?(?:全会|全体会议|常委会会议|次会议|党代会|代表大会)")
_ORG_END = frozenset("局办府院司团")  # not 委: 区委+组织部 names its parent
# 总部, 内部, 东部, 干部: 部 closing a common word, not a party or army department.
_NOT_BEFORE_BU = frozenset("总内全东西南北中干局外本各底首一两三几每多")
# 大学路, 医院站, 大学城: the organisation's name only names a place.
_PLACE_AFTER = frozenset("路街巷弄桥城站")
# "加强医联体建设", "完成…办公室创建": the thing being built or a title pursued, not an actor.
_OBJECT_AFTER = re.compile(r"(?:建设|创建|创评)(?:工作)?(?:[,。;:、)和及\n]|$)")
_ACTOR_KINDS = frozenset({"district_gov", "subdistrict_gov", "town_gov", "department", "party_org",
                          "people_congress"})
# Kinds a subdistrict never owns: "发挥街道上海戏剧学院…" — 街道 is a locative there.
_UNOWNED_KINDS = frozenset({"school", "hospital", "enterprise", "state_enterprise"})
_BUILT = re.compile(r"(?:新建|建设|建成|开工|竣工|改建|扩建|迁建|筹建|打造|组建|设立)$")
_CAMPUS_AFTER = re.compile(r"\(|[\u4e00-\u9fff]{0,4}(?:校区|分部|部)")
_CITY_GOV = re.compile(r"市(?:人民)?政府$")
_SPLIT = re.compile(r"[、,，;；/\s]+|(?<=[委局办府会室队心团院司])(?:和|及|与|\()")
_TRIM = re.compile(r"(?:等相关单位|等有关单位|等单位|等部门|等)$|^(?:由|会同|配合)")
_GOV_DEPARTMENTS = re.compile(r"[市区县]政府各委、?办、?局")
_JIEDAO = re.compile("街道")
_JURISDICTION = re.compile(r"[区市县](?!域)")


def _vocab(name: str) -> frozenset[str]:
    return frozenset(w for line in words(name) for w in line.split())


def _any_of(items: frozenset[str] | list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)))


@dataclass(frozen=True)
class _Lexicon:
    organs: dict[str, str]  # name → kind
    suffixes: dict[str, tuple[str, bool]]  # suffix → (kind, needs an administrative prefix), longest first
    organ_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    list_re: re.Pattern[str]
    state_re: re.Pattern[str]
    facility_re: re.Pattern[str]
    not_after: dict[str, str]  # 委 → 托员屈: 委托 is no committee
    boundaries: frozenset[str]  # words after which a name may start (推进, 配合, 与 …)
    generic: frozenset[str]
    endings: frozenset[str]


@cache
def _lex() -> _Lexicon:
    organs = dict(table("body_organs"))
    rows = sorted(table("body_suffixes"), key=lambda row: -len(row[0]))
    heads = _any_of(_vocab("body_list_heads")).pattern
    return _Lexicon(
        organs=organs,
        suffixes={suffix: (kind, prefix == "yes") for suffix, kind, prefix in rows},
        organ_re=_any_of(list(organs)),
        suffix_re=_any_of([row[0] for row in rows]),
        list_re=re.compile(rf"(?:{heads})\s*[:：]\s*(?P<items>[^;；)）\]】\n。]+)"),
        state_re=_any_of(_vocab("body_state")),
        facility_re=_any_of(_vocab("body_facility")),
        not_after=dict(table("body_not_after")),
        boundaries=_vocab("project_boundaries") | _vocab("body_boundaries"),
        generic=_vocab("body_generic"),
        endings=_vocab("body_verbs"),
    )


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """The gazetteer's district/county/city names and its subdistrict (X街道) names."""
    areas, subdistricts = set(), set()
    for row in data_text("gazetteer.csv").splitlines():
        level, name = row.split(",", 2)[:2]
        if level == "area":
            areas.add(name)
        elif name.endswith("街道"):
            subdistricts.add(name)
    return frozenset(areas), frozenset(subdistricts)


@lru_cache(maxsize=4096)  # a pure lookup asked again for every mention of the same name
def body_kind(name: str) -> str:
    """The schema's body kind of ``name``, from the organ list and the suffix table."""
    lex, bare = _lex(), name.strip("“”")
    if bare in lex.organs:
        return lex.organs[bare]
    if bare in _party_names():
        return _party_names()[bare]
    ending = lex.organ_re.search(bare, max(0, len(bare) - 6))
    if ending and ending.end() == len(bare) and ending.start() > 0:
        return lex.organs[ending.group()]  # 街道纪工委, 区总工会: a prefixed organ keeps its kind
    parent = lex.organ_re.match(bare)
    for suffix, (kind, _) in lex.suffixes.items():
        if bare.endswith(suffix):
            if kind == "department" and parent and lex.organs[parent.group()] == "party_org":
                return "party_org"  # 区委组织部, 区委办: a working body of a party committee
            if kind == "enterprise" and (_ADMIN_PREFIX.match(bare) or lex.state_re.search(bare)):
                return "state_enterprise"
            if kind == "enterprise" and "教育" in bare:
                return "school"
            return "other" if kind == "district_gov" and _CITY_GOV.search(bare) else kind
    if "街道" in bare or "街镇" in bare:
        return "subdistrict_gov"
    if bare.endswith(("镇", "乡")):
        return "town_gov"
    return "department" if _ADMIN_PREFIX.match(bare) else "other"


@cache
def _boundary_ends() -> frozenset[str]:
    return frozenset(word[-1] for word in _lex().boundaries)


def _ends_with_boundary(text: str, end: int) -> bool:
    if 0 < end <= len(text) and text[end - 1] not in _boundary_ends():
        return False  # asked at every character of a scan; most end no boundary word
    boundaries = _lex().boundaries
    return any(text[end - size:end] in boundaries for size in (1, 2, 3, 4) if size <= end)


def _joins_next(text: str, end: int) -> bool:
    """委托, 办理, 人大代表: the character after the name makes it part of another word."""
    return end < len(text) and text[end] in _lex().not_after.get(text[end - 1], "")


def _acts(text: str, start: int, end: int, kind: str) -> bool:
    """False where the name is part of a meeting's name (十二届市委二次全会, 市第十二次党代会),
    only locates a place (大学路) or is the object being built (医联体建设)."""
    if "届" in text[max(0, start - 1):start + 1] or _MEETING_AFTER.match(text[end:end + 8]):
        return False
    return text[end:end + 1] not in _PLACE_AFTER and (kind in _ACTOR_KINDS or not _OBJECT_AFTER.match(text, end))


def _is_category(core: str) -> bool:
    """民办中小学, 名师工作室, 各类公司: a category of organisation, not a named one."""
    if (prefix := _ADMIN_PREFIX.match(core)) and prefix.end() < len(core):
        core = core[prefix.end():]  # 区有关X局, 市各类X公司: the category follows the jurisdiction
    generic = _lex().generic
    if core in generic or core.endswith("中小"):
        return True
    return core.startswith(tuple(generic)) and any(
        core.startswith(word) and len(core) - len(word) <= 1 for word in generic)


def _organ_prefix(text: str, start: int) -> int:
    """区总工会, 街道团工委: an administrative prefix written before an organ is part of its name."""
    for prefix in ("街道", "区", "市", "县", "镇"):
        begin = start - len(prefix)
        if begin >= 0 and text.startswith(prefix, begin) and (
                begin == 0 or text[begin - 1] in _ALLOWED_BEFORE_ORGAN or _ends_with_boundary(text, begin)):
            return begin
    return start


def _organ_mentions(text: str) -> list[BodyMention]:
    organs = _lex().organs
    out: list[BodyMention] = []
    for match in _lex().organ_re.finditer(text):
        start, end = match.span()
        before = text[start - 1:start] if start else ""
        follows_organ = bool(out) and out[-1].end == start  # 党中央国务院, 市委市政府
        if (before and "\u4e00" <= before <= "\u9fff" and before not in _ALLOWED_BEFORE_ORGAN
                and not follows_organ and not _ends_with_boundary(text, start)
                and _organ_prefix(text, start) == start):
            continue  # 小区委托: "区委" inside another word
        kind = organs[match.group()]
        if not _acts(text, start, end, kind) or _joins_next(text, end):
            continue
        start = _organ_prefix(text, start)
        out.append(BodyMention(text[start:end], kind, start, end))
    return out


def _left_edge(text: str, end: int, organ_ends: dict[int, BodyMention]) -> int:
    position = end
    boundary_ends = _boundary_ends()  # tested first: most characters end no boundary word
    while position > max(0, end - _MAX_NAME):
        ch = text[position - 1]
        if ch == "”":
            opening = text.rfind("“", 0, position)
            if opening >= 0 and position - opening <= 14:
                return opening  # “石榴籽”志愿服务团队: the quoted name belongs to the body
        if ch in _STOP or ch == "的" or not ("\u4e00" <= ch <= "\u9fff" or ch in _NAME_OTHER):
            break
        if position in organ_ends and position < end:
            break
        if (ch in boundary_ends and _ends_with_boundary(text, position)
                and not (position < end and text[position] in _NOUN_AFTER_VERB)):
            break
        position -= 1
    return position


def _admin_start(text: str, start: int, reach: int = 6) -> int:
    """区建设管理委: 建设 looked like a verb, but an administrative prefix just before it
    at a clause start shows the name goes on to the left."""
    position = start
    while position > max(0, start - reach) and _CJK.match(text[position - 1]) and text[position - 1] not in _STOP:
        position -= 1
        at_clause_start = position == 0 or text[position - 1] in _STOP or _ends_with_boundary(text, position)
        if text[position - 1 if position else 0] in _ORG_END and position < start - 1:
            return start  # 区数据局建设…中心: the prefix belongs to the earlier body
        if text[position] in "区市县镇" and at_clause_start:
            return position
    return start


def _inner_prefix(text: str, start: int, end: int) -> int:
    """协调区税务局: "协调区" is no district, so the name starts at its own 区."""
    if text[start] in "省市区县镇" or text.startswith("街道", start):
        return start  # 区绿化市容局: already a jurisdiction's body
    match = _PLACE_PREFIX.match(text, start, end)
    if match and match.group() not in _places()[0]:
        return start + len(match.group()) - 1
    return start


def _suffix_start(text: str, match: re.Match[str], organ_at: dict[int, BodyMention]) -> int:
    """Where the name ending in ``match`` (a suffix) starts."""
    suffix, end = match.group(), match.end()
    kind, needs_prefix = _lex().suffixes[suffix]
    start = _left_edge(text, match.start(), organ_at)
    while start < match.start() and text[start] in "和及与各个家所处项":
        start += 1
    organ = organ_at.get(start)  # 党工委+理论中心组: named after its parent organ
    if organ and 0 < match.start() - start <= 4 and text[start] not in "省市区县镇":
        start = organ.start
    if needs_prefix:
        if not _ADMIN_PREFIX.match(text[start:end]):
            start = _admin_start(text, start)
        start = _inner_prefix(text, start, end)
    if kind in _UNOWNED_KINDS and text.startswith("街道", start) and end - start - 2 >= len(suffix) + 2:
        start += 2
    if not needs_prefix and match.start() - start == 1 and start > 0 and _CJK.match(text[start - 1]):
        start -= 1  # 与同济大学: a one-character 同 was no function word
    return start


def _is_body_name(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether text[start:match.end()] names an organisation rather than a facility, category …"""
    suffix, end = match.group(), match.end()
    kind, needs_prefix = _lex().suffixes[suffix]
    name = text[start:end]
    core = name[: -len(suffix)].strip("“”")
    if len(core) < (2 if needs_prefix else 1) or (needs_prefix and not _ADMIN_PREFIX.match(name)):
        return False
    if len(name) > _MAX_NAME or name.count("(") != name.count(")") or name.count("“") != name.count("”"):
        return False
    if suffix.endswith("中心") and (_lex().facility_re.search(core)
                                    or (suffix == "中心" and not _JURISDICTION.match(name))):
        return False  # 区城运中心 is an agency; 某某服务中心 is usually a facility (a project)
    if _is_category(core) or not _acts(text, start, end, kind):
        return False
    # a school or centre being built, or named with its campus, is a project
    return not ((kind == "school" or suffix == "中心") and (
        _BUILT.search(text[max(0, start - 4):start]) or _CAMPUS_AFTER.match(text[end:end + 6])))


def _suffix_mentions(text: str, organs: list[BodyMention]) -> list[BodyMention]:
    out = []
    organ_at = {m.end: m for m in organs}
    for match in _lex().suffix_re.finditer(text):
        suffix, end = match.group(), match.end()
        if _joins_next(text, end) or text[end - 2:end] in _lex().endings:
            continue
        if suffix == "部" and text[end - 2:end - 1] in _NOT_BEFORE_BU:
            continue
        start = _suffix_start(text, match, organ_at)
        if _is_body_name(text, start, match):
            out.append(BodyMention(text[start:end], body_kind(text[start:end]), start, end))
    return out


def _subdistrict_mentions(text: str) -> list[BodyMention]:
    """五角场街道, 嘉定镇街道: a subdistrict the gazetteer knows names its office, while 最美街道 does
    not; "X街道党工委" / "X街道办事处" are left to the organ and suffix rules."""
    out, names = [], _places()[1]
    for match in _JIEDAO.finditer(text):
        end = match.end()
        if _lex().organ_re.match(text, match.start()) or _lex().suffix_re.match(text, match.start()):
            continue
        for size in range(min(_MAX_SUBDISTRICT, end), 3, -1):
            if text[end - size:end] in names:
                out.append(BodyMention(text[end - size:end], "subdistrict_gov", end - size, end))
                break
    return out


def _list_mentions(text: str) -> list[BodyMention]:
    out = []
    for match in _lex().list_re.finditer(text):
        cursor = match.start("items")
        for item in split_body_list(match.group("items")):
            position = text.find(item, cursor, match.end())
            if position >= 0:
                out.append(BodyMention(item, body_kind(item), position, position + len(item)))
                cursor = position + len(item)
    return out


def find_bodies(text: str) -> list[BodyMention]:
    """Every organisation mentioned in ``text``, in order; overlaps keep the longest."""
    organs = _organ_mentions(text)
    found = [BodyMention(m.group(), "department", m.start(), m.end()) for m in _GOV_DEPARTMENTS.finditer(text)]
    found += _list_mentions(text) + _suffix_mentions(text, organs) + organs + _subdistrict_mentions(text)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[BodyMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def split_body_list(text: str) -> list[str]:
    """The bodies of an explicit list: "区发改委、区商务委,各街镇等" → [区发改委, 区商务委, 各街镇]."""
    items = []
    for raw in _SPLIT.split(text):
        item = _TRIM.sub("", raw.strip().strip("()（）"))
        if item.count("(") != item.count(")"):
            item = item.strip("()")
        if len(item) >= 2 and item not in items:
            items.append(item)
    return items


_NAME_MAX_ITEM = 30


@cache
def _endings() -> tuple[str, ...]:
    return tuple(sorted(words("body_endings"), key=len, reverse=True))


_GENERIC_CORE = 4


@cache
def _party_names() -> dict[str, str]:
    return dict(table("party_names"))


@cache
def _organ_suffixes() -> frozenset[str]:
    return frozenset(row[0] for row in table("body_suffixes"))


@cache
def _false_endings() -> tuple[str, ...]:
    return tuple(words("body_false_endings"))


@cache
def _suffix_words() -> tuple[str, ...]:
    return tuple(sorted({row[0] for row in table("body_suffixes")} | set(words("body_endings")), key=len, reverse=True))


@lru_cache(maxsize=4096)
def looks_like_body(name: str) -> bool:
    """Whether an item of a responsibility list, an owner cell or a duty heading names a party
    that can own work: a known organ (区委, 妇联), a name ending as organs end (…局, …委员会,
    …公司, …单位, …部门 — not 格局 or 举办), a place (马陆镇: its government), or a collective
    (各街镇, 相关单位) — including the categories the body finder leaves out."""
    bare = name.strip("“”\"() ")
    if not 2 <= len(bare) <= _NAME_MAX_ITEM or any(mark in bare for mark in "。,，;；:：的、及与"):
        return False
    if bare in _lex().organs or bare in _party_names():
        return True
    head = next((h for h in collective_heads() if bare.startswith(h)), None)
    if head is not None:
        tail = bare[len(head):].removeprefix("相关").removeprefix("有关")
        if any(verb in tail for verb in _acting_verbs()):
            return False  # 各街镇负责对辖区: the collective and what it is made to do
        return len(bare) <= 14 and bool(tail) and (
            tail in words("collective_tails") or tail.endswith(tuple(words("collective_tails")))
            or (tail != bare and looks_like_body(tail)))
    if bare.endswith(_false_endings()):
        return False
    ending = next((word for word in _suffix_words() if bare.endswith(word)), None)
    if ending is not None:  # a bare 局 names nothing; a listed party (业委会, 居委会) is whole
        if len(bare) == len(ending):
            return len(ending) >= 3 and ending in words("body_endings")
        # A generic party (…单位, …企业, …街镇) is named in a few words (用地单位, 物业服务企业);
        # a longer run ending so is a clause (年终考核结果纳入街镇), unless a jurisdiction heads it.
        generic = ending in words("body_endings") and ending not in _organ_suffixes()
        if ending in words("body_endings_prefixed") and not _ADMIN_PREFIX.match(bare):
            return False  # 所, 队, 站 name an office only after its jurisdiction (镇财政所)
        return not generic or len(bare) - len(ending) <= _GENERIC_CORE or bool(_ADMIN_PREFIX.match(bare))
    ending = _lex().organ_re.search(bare, max(0, len(bare) - 6))
    if ending and ending.end() == len(bare):
        return True  # 街道党工委, 区总工会: a prefixed organ
    return bare in _places()[0] or bare in _places()[1] or bare in _towns()


@cache
def _acting_verbs() -> tuple[str, ...]:
    """The words that give a body its task (负责, 牵头, 承担, 由…; role_verbs.txt, lead and by):
    a name never holds one."""
    return tuple(word for word, kind in table("role_verbs") if kind in ("lead", "by") and len(word) >= 2)


@cache
def _towns() -> frozenset[str]:
    """The gazetteer's towns (马陆镇): a town named as an owner is its government."""
    return frozenset(row.split(",", 2)[1] for row in data_text("gazetteer.csv").splitlines()
                     if row.startswith("town,") and row.split(",", 2)[1].endswith(("镇", "乡")))
