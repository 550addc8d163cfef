"""The notice around a plan: who sends it, to whom, when, and where the plan itself begins.

Chinese official documents are published inside a notice whose parts come in a fixed order
(GB/T 9704, 党政机关公文格式): the title ``[发文机关]关于印发《计划》的通知``, the 文号, the
addressees line ending in a colon, the notice's own text, attachments, the signature (one
line per signing body, or several bodies on one line), a ``（X代章）`` seal line, the date —
and then, for a notice that carries a plan, the plan's own title and text. A plan printed
without its notice may still keep the addressees, signature and date lines (a 区政府 key-task
list), and a plan may be signed at its end. Parsing follows that order; each part is
optional, and a part is only taken where the order allows it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from pledgegraph.loaders.chars import DIGITS, NUMERALS, TEN, ZEROS
from pledgegraph.loaders.collective import collective_heads
from pledgegraph.loaders.jurisdiction import place_endings
from pledgegraph.loaders.layout.blocks import joined
from pledgegraph.loaders.layout.record import Block, Envelope, Named
from pledgegraph.loaders.lexicon import alternation, column, table, words

__all__ = ["read_envelope", "is_date_line", "issue_date", "is_signature_line", "split_names", "inner_title_of"]

_HEAD_BLOCKS = 8  # the notice title, a repeat of it, the 文号 and the addressees come first
_NOTICE_BLOCKS = 40  # a notice's own text is short: its signature comes within this many lines
_TITLE_MAX = 150
_NAME_MAX = 40
_TITLE_LIKENESS = 0.8
_DIGIT = rf"\d|[{ZEROS}{NUMERALS}]"
_DATE = re.compile(rf"^(?P<y>(?:{_DIGIT}){{4}})\s*年\s*(?P<m>(?:{_DIGIT}){{1,2}})\s*月\s*(?P<d>(?:{_DIGIT}){{1,3}})\s*日$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,14}\s*[〔\[(【]\s*(?:19|20)\d\d\s*[〕\])】]\s*第?\s*\d{1,4}\s*号$")
_PUNCTUATION = re.compile(r"[。,，;；:：!?！？“”\"《》]")
_QUOTED = re.compile(r"《(?P<title>(?:[^《》]|《[^《》]*》)+)》")
_CN_DIGITS = {ch: i for i, ch in enumerate(DIGITS)} | dict.fromkeys(ZEROS, 0)


@cache
def _name_gap() -> re.Pattern[str]:
    """Where a signature line divides between bodies: two spaces, a space before a place's
    name (…委员会 上海市…), or 、."""
    places = alternation(e for e, level in place_endings() if level in ("city", "district", "county", "province")
                         and len(e) == 1)
    return re.compile(rf"\s{{2,}}|\s(?=[\u4e00-\u9fff]{{2,}}{places})|、")


@cache
def _verbs() -> dict[str, str]:
    return dict(table("notice_verbs"))


@cache
def _title_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(_verbs(), key=len, reverse=True))
    kinds = "|".join(sorted(words("notice_kinds"), key=len, reverse=True))
    about, of = (alternation(column("notice_title_words", part)) for part in ("about", "of"))
    return re.compile(rf"^(?P<senders>.*?)(?:{about}|(?=(?:{verbs})))(?P<subject>.+?){of}?(?:{kinds})$")


@cache
def _seal() -> re.Pattern[str]:
    """(区政府办公室代章): a seal used on another body's behalf, named in brackets."""
    return re.compile(rf"^\((?P<name>[^()]{{2,40}}?){alternation(column('notice_title_words', 'seal'))}\)$")


@cache
def _signature_ends() -> tuple[str, ...]:
    return tuple(sorted(words("signature_endings"), key=len, reverse=True))


def _cn_int(token: str) -> int:
    if token.isdigit():
        return int(token)
    if TEN in token:
        tens, _, ones = token.partition(TEN)
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_DIGITS.get(ch, 0)) for ch in token))


def is_date_line(text: str) -> bool:
    return _DATE.match(text.replace(" ", "")) is not None


def issue_date(text: str) -> str | None:
    """'2026年2月12日' / '二〇二三年八月二十三日' → '2026-02-12' (None when not a date line)."""
    found = _DATE.match(text.replace(" ", ""))
    if not found:
        return None
    year, month, day = (_cn_int(found.group(k)) for k in "ymd")
    if not (1900 < year < 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_organ_name(name: str) -> bool:
    return 3 <= len(name) <= _NAME_MAX and name.endswith(_signature_ends()) and not _PUNCTUATION.search(name)


def split_names(text: str) -> list[tuple[str, int]]:
    """Body names written side by side (上海市交通委员会    上海市发展和改革委员会, A、B), with
    their offsets in ``text``."""
    out, cursor = [], 0
    for gap in [*_name_gap().finditer(text), None]:
        stop = gap.start() if gap else len(text)
        name = text[cursor:stop].strip()
        if name:
            out.append((name, cursor + text[cursor:stop].index(name)))
        cursor = gap.end() if gap else stop
    return out


def is_signature_line(text: str) -> bool:
    """A line holding only the names of signing bodies."""
    names = split_names(text)
    return bool(names) and all(_is_organ_name(name) for name, _ in names)


def _named(block: Block) -> tuple[Named, ...]:
    return tuple(Named(name, block.start + at, block.start + at + len(name)) for name, at in split_names(block.text))


def _is_addressees(text: str) -> bool:
    """区政府各委、办、局，各街道办事处：— whom the notice is sent to."""
    if not text.endswith(":") or "。" in text or len(text) > _TITLE_MAX or len(text) < 3:
        return False
    body = text[:-1]
    if body.startswith(tuple(words("appendix_heads"))):
        return False
    return any(mark in body for mark in "、,，") or body.startswith(collective_heads()) \
        or body.endswith(tuple(words("addressee_endings")))


def _notice_title(blocks: tuple[Block, ...]) -> tuple[re.Match[str], int, int] | None:
    """The notice title among the first blocks: (match, first block, blocks it spans)."""
    pattern = _title_pattern()
    for index in range(min(3, len(blocks))):
        for size in (1, 2):
            text = joined(blocks[index:index + size])
            if len(text) <= _TITLE_MAX and "。" not in text and (found := pattern.match(text)):
                return found, index, size
    return None


def _subject_parts(subject: str) -> tuple[str | None, str | None, str | None]:
    """The verb, the drafter of a forwarded plan and the plan's title, from a title's subject
    (转发区绿化市容局制订的《关于…的工作方案》 → 转发, 区绿化市容局, 关于…的工作方案)."""
    verb = next((v for v in sorted(_verbs(), key=len, reverse=True) if subject.startswith(v)), None)
    rest = subject[len(verb):] if verb else subject
    quoted = _QUOTED.search(rest)
    inner = quoted.group("title") if quoted else (rest if verb else None)
    drafter = None
    if verb and quoted and _verbs()[verb] == "forward":
        before = rest[:quoted.start()]
        for word in sorted(words("drafting_words"), key=len, reverse=True):
            if before.endswith(word):
                before = before[: -len(word)]
                break
        drafter = before or None
    return verb, drafter, inner


def _squeeze(text: str) -> str:
    return re.sub(r"[\s《》〈〉<>“”\"()（）—–\-]", "", text)


def inner_title_of(blocks: tuple[Block, ...], start: int, wanted: str | None) -> tuple[int, int] | None:
    """Where the carried plan's title is printed, from block ``start`` on: (first block, count).
    With ``wanted`` (the title quoted in the notice title) the printed lines must spell it,
    possibly over two or three lines; otherwise the first short line naming a kind of plan."""
    heads = tuple(words("appendix_heads"))
    index = start
    while index < len(blocks) and (blocks[index].text.startswith(heads) and len(blocks[index].text) <= 8):
        index += 1  # "附件" / "附件1" above the plan
    if index >= len(blocks):
        return None
    if wanted:
        # The printed title may differ from the quoted one in small ways (本区 / 崇明区,
        # 2025-2027年 / 2025年—2027年): the closest rendering over one to three lines counts.
        target = _squeeze(wanted)
        best = max(((SequenceMatcher(None, target, _squeeze(joined(blocks[index:index + size]))).ratio(), size)
                    for size in (1, 2, 3) if index + size <= len(blocks)), default=(0.0, 0))
        if best[0] >= _TITLE_LIKENESS:
            return index, best[1]
    first = blocks[index].text
    kinds = [word for word, _ in table("doc_kind_words")]
    if len(first) <= 60 and "。" not in first and any(word in first for word in kinds):
        return index, 1
    return None


def _signature(blocks: tuple[Block, ...], date_at: int) -> tuple[tuple[Named, ...], Named | None, int]:
    """Signing bodies and seal just above the date line, and the first block they take."""
    index, seal, signers = date_at - 1, None, []
    if index >= 0 and (found := _seal().match(blocks[index].text)):
        block = blocks[index]
        seal = Named(found.group("name"), block.start + 1, block.start + 1 + len(found.group("name")))
        index -= 1
    while index >= 0 and is_signature_line(blocks[index].text) and date_at - index <= 5:
        signers[:0] = _named(blocks[index])
        index -= 1
    return tuple(signers), seal, index + 1


def _repeats_title(block: Block, title: str, senders: str) -> bool:
    text = block.text
    return text == title or (senders and text == senders) or (len(text) > 8 and title.endswith(text))


def read_envelope(blocks: tuple[Block, ...]) -> Envelope | None:
    """The envelope of a document, or None when it has neither a notice title nor the
    addressee, signature and date lines of one."""
    title_found = _notice_title(blocks)
    senders: tuple[Named, ...] = ()
    verb = drafter = inner = title = None
    title_span = None
    cursor = 0
    if title_found:
        found, first, size = title_found
        title, cursor = found.group(0), first + size
        title_span = (blocks[first].start, blocks[first + size - 1].end)
        verb, drafter_name, inner = _subject_parts(found.group("subject"))
        sender_text = found.group("senders").strip()
        if sender_text and size == 1 and is_signature_line(sender_text):
            senders = _named(Block(sender_text, blocks[first].start, blocks[first].start + len(sender_text)))
        if drafter_name:
            at = blocks[first].text.find(drafter_name)
            drafter = Named(drafter_name, blocks[first].start + max(at, 0), blocks[first].start + max(at, 0)
                            + len(drafter_name))
        while cursor < len(blocks) and _repeats_title(blocks[cursor], title, sender_text):
            cursor += 1
    doc_number = addressees = None
    head_end = min(len(blocks), cursor + _HEAD_BLOCKS)
    for index in range(cursor, head_end):
        text = blocks[index].text
        if doc_number is None and _DOC_NUMBER.match(text):
            doc_number, cursor = text.replace(" ", ""), index + 1
        elif addressees is None and _is_addressees(text):
            addressees, cursor = text[:-1], index + 1
            break
    date_at = next((i for i in range(cursor, min(len(blocks), cursor + _NOTICE_BLOCKS))
                    if is_date_line(blocks[i].text)), None)
    signers, seal, sign_at = _signature(blocks, date_at) if date_at is not None else ((), None, None)
    if title is None and addressees is None:
        return _head_signature(blocks) or _tail_signature(blocks)
    inner_at = inner_title_of(blocks, date_at + 1, inner) if date_at is not None else None
    wrapper: list[tuple[int, int]] = []
    inner_title = inner_span = None
    head_start = blocks[0].start if blocks else 0
    if inner_at is not None:
        index, size = inner_at
        inner_title = joined(blocks[index:index + size])
        inner_span = (blocks[index].start, blocks[index + size - 1].end)
        wrapper.append((head_start, blocks[index].start))
    else:
        last_head = blocks[cursor - 1].end if cursor else head_start
        wrapper.append((head_start, last_head))
        if date_at is not None and sign_at is not None:
            wrapper.append((blocks[sign_at].start, blocks[date_at].end))
    return Envelope(
        title=title, title_span=title_span, verb=verb, senders=senders, signers=signers, seal=seal,
        drafted_by=drafter, addressees=addressees, doc_number=doc_number,
        date=issue_date(blocks[date_at].text) if date_at is not None else None,
        inner_title=inner_title or (inner if inner_at is None and title else None),
        inner_span=inner_span, wrapper=tuple(wrapper),
    )


def _head_signature(blocks: tuple[Block, ...]) -> Envelope | None:
    """A plan headed by its issuer's name on a line of its own, above the title (as web pages
    print it)."""
    if len(blocks) < 2 or not is_signature_line(blocks[0].text) or inner_title_of(blocks, 1, None) is None:
        return None
    return Envelope(None, None, None, (), _named(blocks[0]), None, None, None, None, None, None, None,
                    ((blocks[0].start, blocks[0].end),))


def _tail_signature(blocks: tuple[Block, ...]) -> Envelope | None:
    """A plan signed at its end (its issuer's name, then the date), with no notice around it."""
    tail = len(blocks) - 1
    if tail < 1 or not is_date_line(blocks[tail].text):
        return None
    signers, seal, sign_at = _signature(blocks, tail)
    if not signers:
        return None
    return Envelope(None, None, None, (), signers, seal, None, None, None, issue_date(blocks[tail].text),
                    None, None, ((blocks[sign_at].start, blocks[tail].end),))
