"""Whether a written name (a list item, an owner cell, a duty heading, a clause's subject)
names a party that can own work — including the collectives and categories the finders leave
out (相关单位, 物业服务企业), which a plan may still assign work to."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pledgegraph.loaders.aliases import shipped_aliases
from pledgegraph.loaders.collective import collective_heads
from pledgegraph.loaders.find.bodies.grammar import admin_prefix
from pledgegraph.loaders.find.bodies.vocab import grammar, lex, party_names, places, vocab
from pledgegraph.loaders.lexicon import table, words

__all__ = ["looks_like_body", "listed_body", "name_breaks"]

_NAME_MAX_ITEM = 30
_GENERIC_CORE = 4
_LISTED_MAX = 16
_PUNCTUATION = frozenset("。,，;；:：、")
_WRAPPING = "“”\"() "  # quotes and brackets a written name may stand in (“区委”), not part of it


@cache
def _role_verbs() -> tuple[str, ...]:
    """Role verbs of two characters or more (负责, 牵头, 配合 …) that no organ's name holds
    (联合 is left out: 妇女联合会)."""
    names = [*_organ_suffixes(), *lex().organs, *shipped_aliases().canonical.values()]
    return tuple(word for word, _ in table("role_verbs") if len(word) >= 2 and not any(word in n for n in names))


@cache
def _role_names() -> frozenset[str]:
    return vocab("body_list_heads") | vocab("body_role_names")


@cache
def _not_in_name() -> re.Pattern[str]:
    """Any character no single name holds: punctuation and the words of ``not_in_name``."""
    return re.compile(f"[{re.escape(''.join(_PUNCTUATION) + ''.join(grammar('not_in_name')))}]")


@cache
def name_breaks() -> frozenset[str]:
    """The characters no name ``looks_like_body`` accepts holds anywhere, even once its
    wrapping is stripped: a scan for a name may stop at the first."""
    return frozenset(_PUNCTUATION | set("".join(grammar("not_in_name")))) - frozenset(_WRAPPING)


@cache
def _verb_in() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(v) for v in _role_verbs())) if _role_verbs() else re.compile(r"(?!)")


@cache
def _ending_of() -> re.Pattern[str]:
    """The longest organ suffix or body ending a (reversed) name ends in."""
    return re.compile("|".join(re.escape(w[::-1]) for w in _suffix_words()))


@cache
def _list_ending_of() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w[::-1]) for w in _list_endings()))


@cache
def _vocab_words(name: str) -> frozenset[str]:
    return words(name)


@cache
def _false_endings() -> tuple[str, ...]:
    return tuple(words("body_false_endings"))


@cache
def _organ_suffixes() -> frozenset[str]:
    return frozenset(row[0] for row in table("body_suffixes"))


@cache
def _suffix_words() -> tuple[str, ...]:
    return tuple(sorted(_organ_suffixes() | words("body_endings"), key=len, reverse=True))


@cache
def _tails() -> tuple[str, ...]:
    return tuple(words("collective_tails"))


@cache
def _tail_endings() -> tuple[str, ...]:
    """Tails a longer tail may end in (各相关职能部门): not one character (其他小区 is no 区)."""
    return tuple(tail for tail in _tails() if len(tail) > 1)


@cache
def _acting_verbs() -> tuple[str, ...]:
    """The words that give a body its task (负责, 牵头, 承担, 由…; role_verbs.txt, lead and by):
    a name never holds one."""
    return tuple(word for word, kind in table("role_verbs") if kind in ("lead", "by") and len(word) >= 2)


def _collective(bare: str, head: str) -> bool:
    """各街镇, 相关单位, 有关职能部门: a head and what it gathers."""
    tail = bare[len(head):]
    for inner in collective_heads():
        if inner != head and len(inner) > 1:
            tail = tail.removeprefix(inner)
    if any(verb in tail for verb in _acting_verbs()):
        return False  # 各街镇负责对辖区: the collective and what it is made to do
    return len(bare) <= 14 and bool(tail) and (
        tail in _tails() or tail.endswith(_tail_endings()) or (tail != bare and looks_like_body(tail)))


@lru_cache(maxsize=65536)
def looks_like_body(name: str) -> bool:
    """Whether an item of a responsibility list, an owner cell or a duty heading names a party
    that can own work: a known organ (区委, 妇联), a name ending as organs end (…局, …委员会,
    …公司, …单位, …部门 — not 格局 or 举办), a place (马陆镇: its government), or a collective
    (各街镇, 相关单位) — including the categories the body finder leaves out."""
    bare = name.strip(_WRAPPING)
    if not 2 <= len(bare) <= _NAME_MAX_ITEM or _not_in_name().search(bare):
        return False
    if bare in lex().organs or bare in party_names():
        return True
    if bare in _role_names():
        return False  # 成员单位, 牵头单位: a part a body plays, not a body
    if _verb_in().search(bare):
        return False  # 联席办负责组织召开联席会议: a clause, however it ends
    head = next((h for h in collective_heads() if bare.startswith(h)), None)
    if head is not None:
        return _collective(bare, head)
    if bare.endswith(_false_endings()):
        return False
    found = _ending_of().match(bare[::-1])
    ending = found.group()[::-1] if found else None
    if ending is not None:  # a bare 局 names nothing; a listed party (业委会, 居委会) is whole
        if len(bare) == len(ending):
            return len(ending) >= 3 and ending in _vocab_words("body_endings")
        # A generic party (…单位, …企业, …街镇) is named in a few words (用地单位, 物业服务企业);
        # a longer run ending so is a clause (年终考核结果纳入街镇), unless a jurisdiction heads it.
        generic = ending in _vocab_words("body_endings") and ending not in _organ_suffixes()
        if ending in _vocab_words("body_endings_prefixed") and not admin_prefix().match(bare):
            return False  # 所, 队, 站 name an office only after its jurisdiction (镇财政所)
        return not generic or len(bare) - len(ending) <= _GENERIC_CORE or bool(admin_prefix().match(bare))
    ending = lex().organ_re.search(bare, max(0, len(bare) - 6))
    if ending and ending.end() == len(bare):
        return True  # 街道党工委, 区总工会: a prefixed organ
    known = places()
    return bare in known.areas or bare in known.subdistricts or bare in known.towns


@cache
def _list_endings() -> tuple[str, ...]:
    """Organ endings a listed unit may end in without its jurisdiction: not the generic ones
    (…单位, …企业), which a list does not make any more of a name."""
    generic = words("body_endings") - words("body_endings_prefixed")
    return tuple(sorted((_organ_suffixes() | words("body_endings_prefixed")) - generic, key=len, reverse=True))


@lru_cache(maxsize=65536)
def listed_body(name: str) -> bool:
    """A name standing in a list of bodies (an addressees line, a members list, A、B、C beside
    a body): what looks like a body anywhere, and also an internal unit written without its
    jurisdiction (党政办公室, 综合行政执法队, 规建生态办) — the list shows it is one."""
    if looks_like_body(name):
        return True
    bare = name.strip("“”\"() ")
    if not 3 <= len(bare) <= _LISTED_MAX or _not_in_name().search(bare):
        return False
    if _verb_in().search(bare) or bare.endswith(_false_endings()):
        return False
    found = _list_ending_of().match(bare[::-1])
    return found is not None and len(bare) - len(found.group()) >= 2
