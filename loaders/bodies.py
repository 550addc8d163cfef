"""Organisations named in a plan: governments, party organs, departments, companies …

Three signals, all from lexicons in ``data/``:

* organs written without a proper name (区委, 市政府, 人大, 妇联 … ``body_organs.txt``);
* a name ending in an organisational suffix (委员会, 局, 公司, 学院, 商会 …
  ``body_suffixes.txt``); short suffixes (局, 委, 办) count only with an administrative
  prefix (区/市/县/镇/街道), so 举办 or 一网通办 never become bodies;
* the items of an explicit responsibility list (牵头单位：A、B).

An organ inside a meeting's name ("十二届市委二次全会") is not a mention of the organ, and a
school that is being built ("新建X小学") is a project, not a body.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import data_text, table, words
from pledgegraph.loaders.record import BodyMention

__all__ = ["find_bodies", "body_kind", "split_body_list"]

# 服务商, 服务业, 投资者: a boundary verb followed by one of these is a noun inside the name.
_NOUN_AFTER_VERB = frozenset("商业者员型")
_STOP = set(",，。;；:：、!！?？\n\t \"《》和及与")
_MAX_NAME = 16
# 区发改委, 街道城运中心, 静安区卫健委 — but not 社区/小区/园区…, which are no jurisdictions.
_ADMIN_PREFIX = re.compile(
    r"^(?:[省市区县镇](?![域块间级场])|街道|"
    r"[\u4e00-\u9fff]{2,4}?(?<![社小园片城辖景街校全本该])[省市区县镇](?![域块间级场]))"
)
_ALLOWED_BEFORE_ORGAN = set("、和及与,，。;；:：的在由向对级合本各全同并好(（“\n ")
_MEETING_AFTER = re.compile(r"^(?:[一二三四五六七八九十]+次)?(?:全会|全体会议|常委会会议|次会议|党代会|代表大会)")
# Characters after a suffix that turn it into another word (委托, 办理, 局面, 中学生, 集团化).
_NOT_AFTER = {"委": "托员屈", "办": "理好事法学公", "局": "面部势", "学": "生", "团": "化队", "会": "议员场长谈诊",
              "部": "署门分位件"}
_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fff]{2,4}?(?<![社小园片城辖景街校全本该])[区县市](?![域块间级场])")
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
# 帮办, 通办, 举办 …: 办 ending a verb, not an office.
_VERB_BAN = ("帮办", "代办", "通办", "督办", "承办", "举办", "主办", "协办", "创办", "开办", "兴办", "包办", "好办", "快办")
_BUILT = re.compile(r"(?:新建|建设|建成|开工|竣工|改建|扩建|迁建|筹建|打造|组建|设立)$")
_LIST = re.compile(
    r"(?:牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|负责单位|实施单位|配合单位|配合部门|协同单位|"
    r"协办单位|支撑单位|参与单位|协作单位)\s*[:：]\s*(?P<items>[^;；)）\]】\n。]+)"
)
_SPLIT = re.compile(r"[、,，;；/\s]+|(?<=[委局办府会室队心团院司])(?:和|及|与|\()")
_TRIM = re.compile(r"(?:等相关单位|等有关单位|等单位|等部门|等)$|^(?:由|会同|配合)")
_GOV_DEPARTMENTS = re.compile(r"[市区县]政府各委、?办、?局")


@cache
def _organs() -> dict[str, str]:
    return {name: kind for name, kind in table("body_organs")}


@cache
def _organ_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(_organs(), key=len, reverse=True)))


@cache
def _suffix_rows() -> tuple[tuple[str, str, bool], ...]:
    rows = [(suffix, kind, prefix == "yes") for suffix, kind, prefix in table("body_suffixes")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s, _, _ in _suffix_rows()))


@cache
def _boundaries() -> frozenset[str]:
    shared = {w for name in ("project_boundaries", "body_boundaries") for line in words(name) for w in line.split()}
    return frozenset(shared)


def _ends_with_boundary(text: str, end: int) -> bool:
    return any(text[max(0, end - size):end] in _boundaries() for size in (4, 3, 2, 1))


def body_kind(name: str) -> str:
    """The schema's body kind of ``name``, from the organ list and the suffix table."""
    bare = name.strip("“”")
    if bare in _organs():
        return _organs()[bare]
    ending = _organ_pattern().search(bare, max(0, len(bare) - 6))
    if ending and ending.end() == len(bare) and ending.start() > 0:
        return _organs()[ending.group()]  # 街道纪工委, 区总工会: a prefixed organ keeps its kind
    for suffix, kind, _ in _suffix_rows():
        if bare.endswith(suffix):
            if kind == "enterprise" and (_ADMIN_PREFIX.match(bare) or _state_marker().search(bare)):
                return "state_enterprise"
            if kind == "enterprise" and "教育" in bare:
                return "school"
            if kind == "district_gov" and re.search(r"市(?:人民)?政府$", bare):
                return "other"
            return kind
    if re.search(r"街道|街镇", bare):
        return "subdistrict_gov"
    if bare.endswith(("镇", "乡")):
        return "town_gov"
    return "department" if _ADMIN_PREFIX.match(bare) else "other"


def _in_meeting_name(text: str, start: int, end: int) -> bool:
    """"十二届市委二次全会", "市第十二次党代会": the organ names a meeting, not an actor."""
    return "届" in text[max(0, start - 1):start + 1] or bool(_MEETING_AFTER.match(text[end:end + 8]))


def _acts(text: str, end: int, kind: str) -> bool:
    """False where the name only locates a place (大学路) or is the object built (医联体建设)."""
    if text[end:end + 1] in _PLACE_AFTER:
        return False
    return kind in _ACTOR_KINDS or not _OBJECT_AFTER.match(text, end)


def _is_category(core: str) -> bool:
    """民办中小学, 名师工作室, 各类公司: a category of organisation, not a named one."""
    if core in _generic() or core.endswith("中小"):
        return True
    return any(core.startswith(word) and len(core) - len(word) <= 1 for word in _generic())


def _organ_mentions(text: str) -> list[BodyMention]:
    out: list[BodyMention] = []
    for match in _organ_pattern().finditer(text):
        start, end = match.span()
        before = text[start - 1:start] if start else ""
        follows_organ = bool(out) and out[-1].end == start  # 党中央国务院, 市委市政府
        if (before and "\u4e00" <= before <= "\u9fff" and before not in _ALLOWED_BEFORE_ORGAN
                and not follows_organ and not _ends_with_boundary(text, start)
                and _organ_prefix(text, start) == start):
            continue  # 小区委托: "区委" inside another word
        if _in_meeting_name(text, start, end) or not _acts(text, end, _organs()[match.group()]):
            continue
        if text[end:end + 1] in _NOT_AFTER.get(match.group()[-1], ""):
            continue
        start = _organ_prefix(text, start)
        out.append(BodyMention(text[start:end], _organs()[match.group()], start, end))
    return out


def _organ_prefix(text: str, start: int) -> int:
    """区总工会, 街道团工委: an administrative prefix written before an organ is part of its name."""
    for prefix in ("街道", "区", "市", "县", "镇"):
        begin = start - len(prefix)
        if begin >= 0 and text.startswith(prefix, begin) and (
                begin == 0 or text[begin - 1] in _ALLOWED_BEFORE_ORGAN or _ends_with_boundary(text, begin)):
            return begin
    return start


def _left_edge(text: str, end: int, organ_ends: frozenset[int]) -> int:
    position = end
    while position > max(0, end - _MAX_NAME):
        ch = text[position - 1]
        if ch == "”":
            opening = text.rfind("“", 0, position)
            if opening >= 0 and position - opening <= 14:
                return opening  # “石榴籽”志愿服务团队: the quoted name belongs to the body
        if ch in _STOP or ch == "的" or not re.match(r"[\u4e00-\u9fffA-Za-z·”“()]", ch):
            break
        if position in organ_ends and position < end:
            break
        if _ends_with_boundary(text, position) and not (position < end and text[position] in _NOUN_AFTER_VERB):
            break
        position -= 1
    return position


@cache
def _state_marker() -> re.Pattern[str]:
    """Words that mark state ownership: 实业/城投/国资, central SOE short names (中铁, 中建 …)."""
    return re.compile("|".join(re.escape(w) for line in words("body_state") for w in line.split()))


@cache
def _facility_words() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for line in words("body_facility") for w in line.split()))


@cache
def _generic() -> frozenset[str]:
    return frozenset(w for line in words("body_generic") for w in line.split())


def _with_parent_organ(text: str, start: int, suffix_start: int, organ_at_end: dict[int, BodyMention]) -> int:
    """党工委+理论中心组: a unit named after its parent organ starts where the organ starts."""
    organ = organ_at_end.get(start)
    gap = text[start:suffix_start]
    if organ is not None and 0 < len(gap) <= 4 and not re.match(r"[省市区县镇]", gap):
        return organ.start
    return start


def _admin_start(text: str, start: int, reach: int = 6) -> int:
    """区建设管理委: 建设 looked like a verb, but an administrative prefix just before it
    at a clause start shows the name goes on to the left."""
    position = start
    while (position > max(0, start - reach) and re.match(r"[\u4e00-\u9fff]", text[position - 1])
           and text[position - 1] not in _STOP):
        position -= 1
        at_clause_start = position == 0 or text[position - 1] in _STOP or _ends_with_boundary(text, position)
        if text[position - 1 if position else 0] in _ORG_END and position < start - 1:
            return start  # 区数据局建设…中心: the prefix belongs to the earlier body
        if text[position] in "区市县镇" and at_clause_start:
            return position
    return start


@cache
def _areas() -> frozenset[str]:
    """District, county and city names of the gazetteer: the places a 2-4 character prefix may name."""
    return frozenset(row.split(",")[1] for row in data_text("gazetteer.csv").splitlines() if row.startswith("area,"))


def _inner_prefix(text: str, start: int, end: int) -> int:
    """协调区税务局: "协调区" is no district, so the name starts at its own 区."""
    if text[start] in "省市区县镇" or text.startswith("街道", start):
        return start  # 区绿化市容局: already a jurisdiction's body
    match = _PLACE_PREFIX.match(text, start, end)
    if match and match.group() not in _areas():
        return start + len(match.group()) - 1
    return start


def _suffix_mentions(text: str, organs: list[BodyMention]) -> list[BodyMention]:
    out = []
    organ_ends = frozenset(m.end for m in organs)
    organ_at_end = {m.end: m for m in organs}
    for match in _suffix_pattern().finditer(text):
        suffix, end = match.group(), match.end()
        if text[end:end + 1] in _NOT_AFTER.get(suffix[-1], ""):
            continue
        if text[end - 2:end] in _VERB_BAN or (suffix == "部" and text[end - 2:end - 1] in _NOT_BEFORE_BU):
            continue
        start = _left_edge(text, match.start(), organ_ends)
        while start < match.start() and text[start] in "和及与各个家所处项":
            start += 1
        start = _with_parent_organ(text, start, match.start(), organ_at_end)
        row = next(r for r in _suffix_rows() if r[0] == suffix)
        if row[2] and not _ADMIN_PREFIX.match(text[start:end]):
            start = _admin_start(text, start)
        if row[2]:
            start = _inner_prefix(text, start, end)
        kind = row[1]
        if kind in _UNOWNED_KINDS and text.startswith("街道", start) and end - start - 2 >= len(suffix) + 2:
            start += 2
        if not row[2] and match.start() - start == 1 and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]):
            start -= 1  # 与同济大学: a one-character 同 was no function word
        name = text[start:end]
        core = name[: -len(suffix)].strip("“”")
        if len(core) < (2 if row[2] else 1) or (row[2] and not _ADMIN_PREFIX.match(name)) or len(name) > _MAX_NAME:
            continue
        if suffix.endswith("中心") and (_facility_words().search(core)
                                        or (suffix == "中心" and not re.match(r"[区市县](?!域)", name))):
            continue  # 区城运中心 is an agency; 某某服务中心 is usually a facility (a project)
        if name.count("(") != name.count(")") or name.count("“") != name.count("”"):
            continue
        if _in_meeting_name(text, start, end) or _is_category(core) or not _acts(text, end, kind):
            continue
        if (row[1] == "school" or suffix == "中心") and (_BUILT.search(text[max(0, start - 4):start])
                                   or re.match(r"\(|[\u4e00-\u9fff]{0,4}(?:校区|分部|部)", text[end:end + 6])):
            continue  # a school being built is a project
        out.append(BodyMention(name, body_kind(name), start, end))
    return out


def _list_mentions(text: str) -> list[BodyMention]:
    out = []
    for match in _LIST.finditer(text):
        cursor = match.start("items")
        for item in split_body_list(match.group("items")):
            position = text.find(item, cursor, match.end())
            if position >= 0:
                out.append(BodyMention(item, body_kind(item), position, position + len(item)))
                cursor = position + len(item)
    return out


def _departments_mentions(text: str) -> list[BodyMention]:
    return [BodyMention(m.group(), "department", m.start(), m.end()) for m in _GOV_DEPARTMENTS.finditer(text)]


def find_bodies(text: str) -> list[BodyMention]:
    """Every organisation mentioned in ``text``, in order; overlaps keep the longest."""
    organs = _organ_mentions(text)
    found = _departments_mentions(text) + _list_mentions(text) + _suffix_mentions(text, organs) + organs
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[BodyMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
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
