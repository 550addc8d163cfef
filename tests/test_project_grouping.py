"""Project grouping by lookups gives exactly what comparing every pair of names gave.

``_all_pairs`` is group_projects as it was before the lookups (kept verbatim, with the two
comparisons it used): the reference the fast version must equal on real plans, on a large
generated plan, and on random names built from the pieces the rules look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.projects import _group, _key, find_projects, group_projects
from pledgegraph.loaders.projects_rules import word_set
from pledgegraph.loaders.record import ProjectMention

REPO = Path(__file__).resolve().parents[1]


# --- the reference: all pairs within a head, as before ------------------------------------------


def _one_inserted(short: str, long: str) -> bool:
    if len(long) != len(short) + 1 or len(short) < 7:
        return False
    index = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return not long[index].isascii() and long[index + 1:] == short[index:]


def _same_project(short: str, long: str) -> bool:
    if short == long or _one_inserted(short, long):
        return True
    if not long.startswith(short) or len(short) < 2:
        return False
    extra = long[len(short):]
    while (size := next((len(w) for w in word_set("project_modifiers") if extra.startswith(w)), 0)):
        extra = extra[size:]
    return extra.startswith("(") or not extra or extra in word_set("project_plain_tails")


def _by_length(first: str, second: str) -> tuple[str, str]:
    return (first, second) if len(first) <= len(second) else (second, first)


def _all_pairs(mentions: list[ProjectMention]):
    groups: list[list[ProjectMention]] = []
    keys: list[list[str]] = []
    by_head: dict[str, list[int]] = {}
    for mention in mentions:
        key = _key(mention.name)
        for index in by_head.get(key[:2], ()):
            if any(_same_project(*_by_length(key, k)) for k in keys[index]):
                groups[index].append(mention)
                keys[index].append(key)
                break
        else:
            groups.append([mention])
            keys.append([key])
            by_head.setdefault(key[:2], []).append(len(groups) - 1)
    return [_group(group) for group in groups]


# --- real and generated plans -----------------------------------------------------------------


def _mentions(text: str) -> list[ProjectMention]:
    return find_projects(normalize(text).text)


def _plans(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt")) + sorted((REPO / "samples").glob("*.txt"))


def test_same_groups_on_every_seed_and_sample(shared):
    checked = 0
    for path in _plans(shared):
        mentions = _mentions(path.read_text(encoding="utf-8-sig"))
        assert group_projects(mentions) == _all_pairs(mentions), path.name
        checked += any(len(g.mentions) > 1 for g in group_projects(mentions))
    assert checked >= 5  # plans where some project has several mentions


def _generated(shared: Path, tmp_path: Path, n: int) -> list[Path]:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    return generate(n, tmp_path / "corpus")


def test_same_groups_on_generated_plans_one_by_one_and_all_in_one(shared, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in _generated(shared, tmp_path, 120)]
    for text in texts[:40]:
        mentions = _mentions(text)
        assert group_projects(mentions) == _all_pairs(mentions)
    # One plan of ~500,000 characters: thousands of mentions, many of one project.
    mentions = _mentions("\n".join(texts))
    assert len(mentions) > 5000
    groups = group_projects(mentions)
    assert groups == _all_pairs(mentions)
    assert max(len(g.mentions) for g in groups) > 50


# --- random names -----------------------------------------------------------------------------

# Pieces the comparisons react to: a shared stem, characters to insert (Chinese, digits,
# letters), modifiers, generic tails, a section in brackets, quotes and level prefixes.
_PIECES = st.sampled_from(["滨河", "大道", "越江", "隧道", "枫林", "苑", "小区", "1号", "11号", "地块", "三", "A",
                           "新建", "改造", "新建工程", "二期", "保护修缮", "综合", "工程", "项目", "建设", "工作",
                           "(北段)", "(", "路", "“", "”", "市级", "区级", "和", "园区", "教育"])
_NAMES = st.lists(_PIECES, min_size=1, max_size=7).map("".join)


def _mention(name: str, at: int) -> ProjectMention:
    return ProjectMention(name=name, kind="construction", start=at, end=at + len(name))


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAMES, min_size=1, max_size=40))
def test_same_groups_on_random_names(names):
    mentions = [_mention(name, 10 * i) for i, name in enumerate(names)]
    assert group_projects(mentions) == _all_pairs(mentions)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="江路江路号1A“”(", min_size=0, max_size=12), min_size=1, max_size=30))
def test_same_groups_on_names_of_repeated_characters(names):
    # Runs of one character make a typo's position ambiguous ("江江路" less one 江).
    mentions = [_mention(name, 20 * i) for i, name in enumerate(names)]
    assert group_projects(mentions) == _all_pairs(mentions)


@st.composite
def _variants(draw) -> list[str]:
    """Names around a few stems: a character inserted (typos, or X路1号 / X路11号), a tail added."""
    stems = draw(st.lists(st.text(alphabet="滨河路大道江苑", min_size=5, max_size=9), min_size=1, max_size=3))
    names = []
    for _ in range(draw(st.integers(1, 25))):
        name = draw(st.sampled_from(stems))
        if draw(st.booleans()):
            at = draw(st.integers(0, len(name)))
            name = name[:at] + draw(st.sampled_from("三江1A(")) + name[at:]
        names.append(name + draw(st.sampled_from(["", "", "工程", "(北段)", "新建工程", "二期", "1号"])))
    return names


@settings(max_examples=400, deadline=None)
@given(_variants())
def test_same_groups_on_typos_and_tails_of_a_few_stems(names):
    mentions = [_mention(name, 20 * i) for i, name in enumerate(names)]
    assert group_projects(mentions) == _all_pairs(mentions)


def test_a_name_like_two_groups_joins_the_first():
    # 滨河路(北段) is 滨河路 with a section and 滨河路三(北段) less a typo; those two are apart.
    names = ["滨河路三(北段)", "滨河路", "滨河路(北段)"]
    groups = group_projects([_mention(name, 20 * i) for i, name in enumerate(names)])
    assert [[m.name for m in g.mentions] for g in groups] == [["滨河路三(北段)", "滨河路(北段)"], ["滨河路"]]
