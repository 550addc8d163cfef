"""Word files: automatic list numbering rendered as Word shows it, and packages that unpack too big.

Numbered documents are built with python-docx, the numbering definitions (numbering.xml)
written here by hand, as Word writes them.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from pledgegraph.errors import LoadError
from pledgegraph.loaders.extract import extract_file
from pledgegraph.loaders.word import MAX_DOCX_XML_BYTES, read_docx
from pledgegraph.loaders.word_numbering import format_number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


class Numbered:
    """A python-docx document plus numbering definitions and numbered paragraphs."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self.numbering.clear()  # the template's own lists are not used here

    def abstract(self, key: int, *levels: str, extra: str = "") -> None:
        self.numbering.insert(0, parse_xml(f'<w:abstractNum {NS} w:abstractNumId="{key}">{extra}{"".join(levels)}'
                                           "</w:abstractNum>"))

    def instance(self, num_id: int, abstract: int, overrides: str = "") -> None:
        self.numbering.append(parse_xml(f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                                        f"{overrides}</w:num>"))

    def paragraph(self, text: str, num_id: int | None = None, ilvl: int | None = None, style: str | None = None):
        paragraph = self.document.add_paragraph(text, style=style)
        if num_id is not None:
            _number(paragraph, num_id, ilvl)
        return paragraph

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def text(self) -> str:
        return read_docx(self.bytes(), "n.docx")[0]


def _number(paragraph, num_id: int, ilvl: int | None) -> None:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {NS}>{level}<w:numId w:val="{num_id}"/></w:numPr>'))


# --- the seed plan, auto-numbered -----------------------------------------------------------------

_TOP = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"^(\d+)\.")


def _auto_numbered(text: str) -> bytes:
    """``text`` as a Word file whose 一、 and 1. markers are list numbering, not typed text:
    一、 at level 0 (chineseCounting), 1. at level 1 counting on through the sections
    (lvlRestart 0); a list that starts again at 1 is a second instance that overrides the start."""
    built = Numbered()
    built.abstract(7, _level(0, "chineseCounting", "%1、"),
                   _level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'))
    built.instance(1, 7)
    instance, last, restarts = 1, 0, 0
    for line in text.split("\n"):
        if top := _TOP.match(line):
            built.paragraph(line[top.end():], instance, 0)
        elif item := _ITEM.match(line):
            number = int(item.group(1))
            if number <= last:  # the list starts again: a new instance, level 1 from its number
                restarts += 1
                instance = 1 + restarts
                built.instance(instance, 7, f'<w:lvlOverride w:ilvl="1"><w:startOverride w:val="{number}"/>'
                                            "</w:lvlOverride>")
            last = number
            built.paragraph(line[item.end():], instance, 1)
        else:
            built.paragraph(line)
    return built.bytes()


def _seed(shared):
    (path,) = (shared / "seeds").glob("002_*.txt")
    return path


def test_auto_numbered_seed_reads_as_its_text(shared):
    text = _seed(shared).read_text(encoding="utf-8")
    data = _auto_numbered(text)
    assert "一、着力" not in data.decode("latin-1")  # the markers are not in the XML as text
    assert read_docx(data, "002.docx")[0] == text.strip("\n")


def test_auto_numbered_seed_extracts_like_the_text(shared, tmp_path):
    seed = _seed(shared)
    path = tmp_path / "002.docx"
    path.write_bytes(_auto_numbered(seed.read_text(encoding="utf-8")))
    word, plain = extract_file(path), extract_file(seed)
    assert len(word.commitments) == len(plain.commitments) == 34
    assert [(c.section, c.text) for c in word.commitments] == [(c.section, c.text) for c in plain.commitments]
    assert word.issuer == plain.issuer
    assert word.issuer.name == "上海市静安区人民政府"


# --- counting ---------------------------------------------------------------------------------------


def test_deeper_levels_restart_after_a_higher_one_unless_told_not_to():
    built = Numbered()
    built.abstract(1, _level(0, "chineseCounting", "%1、"), _level(1, "chineseCounting", "（%2）"),
                   _level(2, "decimal", "%3."), _level(3, "decimal", "(%4)", extra='<w:lvlRestart w:val="1"/>'))
    built.instance(5, 1)
    for text, ilvl in [("甲", 0), ("乙", 1), ("丙", 2), ("丁", 3), ("戊", 2), ("己", 3), ("庚", 1), ("辛", 2),
                       ("壬", 3), ("癸", 0), ("子", 1), ("丑", 3)]:
        built.paragraph(text, 5, ilvl)
    # (%4) restarts only after level 1 (一、): not after （一） or 1.
    assert built.text().split("\n") == ["一、甲", "（一）乙", "1.丙", "(1)丁", "2.戊", "(2)己", "（二）庚", "1.辛",
                                        "(3)壬", "二、癸", "（一）子", "(1)丑"]


def test_instances_of_one_list_continue_it_unless_they_override_the_start():
    built = Numbered()
    built.abstract(1, _level(0, "decimal", "%1."))
    built.instance(1, 1)
    built.instance(2, 1)
    built.instance(3, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    for text, num in [("a", 1), ("b", 1), ("c", 2), ("d", 3), ("e", 3), ("f", 1)]:
        built.paragraph(text, num, 0)
    assert built.text().split("\n") == ["1.a", "2.b", "3.c", "1.d", "2.e", "3.f"]


def test_start_multilevel_text_and_legal_numbers():
    built = Numbered()
    built.abstract(1, _level(0, "chineseCounting", "第%1章", start=3), _level(1, "decimal", "%1.%2"),
                   _level(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"))
    built.instance(1, 1)
    for text, ilvl in [("总则", 0), ("目标", 1), ("任务", 2)]:
        built.paragraph(text, 1, ilvl)
    # 第三章 and 三.1 are as Word shows them; isLgl writes every level in digits; no punctuation → a space
    assert built.text().split("\n") == ["第三章 总则", "三.1 目标", "3.1.1 任务"]


def test_a_level_replaced_by_an_instance_override():
    built = Numbered()
    built.abstract(1, _level(0, "decimal", "%1."))
    built.instance(1, 1, f'<w:lvlOverride w:ilvl="0">{_level(0, "decimalEnclosedCircle", "%1", start=2)}'
                         "</w:lvlOverride>")
    built.paragraph("a", 1, 0)
    built.paragraph("b", 1, 0)
    assert built.text().split("\n") == ["② a", "③ b"]


def test_bullets_hidden_numbers_removed_numbering_and_unknown_lists_add_nothing():
    built = Numbered()
    built.abstract(1, _level(0, "bullet", "\uf0b7"))
    built.abstract(2, _level(0, "decimal", "%1.", extra='<w:rPr><w:vanish/></w:rPr>'))
    built.instance(1, 1)
    built.instance(2, 2)
    built.paragraph("项目", 1, 0)
    built.paragraph("隐藏", 2, 0)
    built.paragraph("不编号", 0, 0)
    built.paragraph("未定义", 99, 0)
    built.paragraph("无级别", 2)
    assert built.text().split("\n") == ["项目", "隐藏", "不编号", "未定义", "无级别"]


def test_suffixes():
    built = Numbered()
    built.abstract(1, _level(0, "decimal", "%1", extra='<w:suff w:val="nothing"/>'))
    built.abstract(2, _level(0, "decimal", "%1、", extra='<w:suff w:val="space"/>'))
    built.instance(1, 1)
    built.instance(2, 2)
    built.paragraph("号地块", 1, 0)
    built.paragraph("推进", 2, 0)
    assert built.text().split("\n") == ["1号地块", "1、 推进"]


def test_numbering_from_the_paragraph_style_and_a_level_linked_to_a_style():
    built = Numbered()
    built.abstract(1, _level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Heading1"/>'),
                   _level(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="Heading2"/>'))
    built.instance(4, 1)
    styles = built.document.styles.element
    for style_id in ("Heading1", "Heading2"):
        style = styles.find(f'{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}style[@{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}styleId="{style_id}"]')
        style.get_or_add_pPr().append(parse_xml(f'<w:numPr {NS}><w:numId w:val="4"/></w:numPr>'))
    built.paragraph("城市建设", style="Heading 1")
    built.paragraph("道路", style="Heading 2")
    built.paragraph("桥梁", style="Heading 2")
    built.paragraph("民生保障", style="Heading 1")
    assert built.text().split("\n") == ["一、城市建设", "（一）道路", "（二）桥梁", "二、民生保障"]


def test_numbering_style_link():
    built = Numbered()
    built.abstract(1, _level(0, "ideographTraditional", "%1、"), extra='<w:styleLink w:val="PlanList"/>')
    built.abstract(2, extra='<w:numStyleLink w:val="PlanList"/>')
    built.instance(1, 2)
    built.paragraph("甲项", 1, 0)
    built.paragraph("乙项", 1, 0)
    assert built.text().split("\n") == ["甲、甲项", "乙、乙项"]


def test_numbered_table_cells_count_in_document_order():
    built = Numbered()
    built.abstract(1, _level(0, "decimal", "%1."))
    built.instance(1, 1)
    built.paragraph("新建社区食堂", 1, 0)
    table = built.document.add_table(rows=2, cols=2)
    for row, task in zip(table.rows, ("完成道路改造", "新建公园"), strict=True):
        _number(row.cells[0].paragraphs[0], 1, 0)
        row.cells[1].text = task
    assert built.text().split("\n") == ["1.新建社区食堂", "2.\t完成道路改造", "3.\t新建公园"]


@pytest.mark.parametrize(("fmt", "numbers", "shown"), [
    ("decimal", (1, 9, 10, 34), ("1", "9", "10", "34")),
    ("decimalZero", (1, 12), ("01", "12")),
    ("decimalFullWidth", (3, 12), ("３", "１２")),
    ("chineseCounting", (1, 10, 11, 19, 20, 21, 99, 105), ("一", "十", "十一", "十九", "二十", "二十一", "九十九", "一〇五")),
    ("chineseCountingThousand", (10, 15, 100, 105, 110, 1010, 2345),
     ("十", "十五", "一百", "一百〇五", "一百一十", "一千〇一十", "二千三百四十五")),
    ("taiwaneseCountingThousand", (12,), ("十二",)),
    ("ideographDigital", (7, 10, 2024), ("七", "一〇", "二〇二四")),
    ("chineseLegalSimplified", (1, 10, 23), ("壹", "拾", "贰拾叁")),
    ("ideographLegalTraditional", (3, 20), ("參", "貳拾")),
    ("ideographTraditional", (1, 3, 10, 11), ("甲", "丙", "癸", "11")),
    ("ideographZodiac", (1, 12), ("子", "亥")),
    ("ideographZodiacTraditional", (1, 11, 60), ("甲子", "甲戌", "癸亥")),
    ("decimalEnclosedCircle", (1, 10, 20, 21), ("①", "⑩", "⑳", "21")),
    ("decimalEnclosedCircleChinese", (2,), ("②",)),
    ("decimalEnclosedParen", (1, 20), ("⑴", "⒇")),
    ("decimalEnclosedFullstop", (1, 3), ("⒈", "⒊")),
    ("ideographEnclosedCircle", (1, 10), ("㈠", "㈩")),
    ("upperLetter", (1, 26, 27, 53), ("A", "Z", "AA", "AAA")),
    ("lowerLetter", (2, 28), ("b", "bb")),
    ("upperRoman", (4, 9, 14, 1994), ("IV", "IX", "XIV", "MCMXCIV")),
    ("lowerRoman", (3,), ("iii",)),
    ("none", (5,), ("",)),
    ("someFutureFormat", (5,), ("5",)),
])
def test_number_formats(fmt, numbers, shown):
    assert tuple(format_number(n, fmt) for n in numbers) == shown


# --- packages that unpack too big -----------------------------------------------------------------


def _bomb(declared_small: bool) -> bytes:
    """A Word file whose document.xml unpacks to MAX + 1 MB of XML (about 100 KB packed); with
    ``declared_small`` its zip directory claims that part is 1 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_plain_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"</w:body>")
                filler = b"<w:p/>" * ((MAX_DOCX_XML_BYTES + (1 << 20)) // 6)
                data = head + filler + b"</w:body>" + tail
            out.writestr(item.filename, data)
    packed = buffer.getvalue()
    return _understate(packed, "word/document.xml") if declared_small else packed


def _understate(packed: bytes, member: str) -> bytes:
    """Rewrite the central directory entry of ``member`` to claim 1,024 uncompressed bytes."""
    data = bytearray(packed)
    name = member.encode()
    at = data.rfind(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, 1024)
            return bytes(data)
        at = data.rfind(b"PK\x01\x02", 0, at)
    raise AssertionError(f"{member} not in the central directory")


def _plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("新桥街道2024年工作计划")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory():
    data = _bomb(declared_small=False)
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(LoadError, match=r"^bomb\.docx: Word file unpacks to 6[5-9] MB of XML \(the limit is 64 MB\)$"):
        read_docx(data, "bomb.docx")


def test_a_zip_bomb_that_understates_its_size_is_refused_too():
    with pytest.raises(LoadError) as refused:
        read_docx(_bomb(declared_small=True), "bomb.docx")
    message = str(refused.value)
    assert message.startswith("bomb.docx: ") and "\n" not in message
    assert "more than 64 MB of XML" in message or "not a readable Word file" in message


def test_images_are_not_unpacked_and_the_text_is_read():
    # A part that is no XML (here 80 MB of zeros posing as an image) is never inflated.
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_plain_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item))
        out.writestr("word/media/image1.png", b"\x00" * (80 << 20))
    assert read_docx(buffer.getvalue(), "photo.docx") == ("新桥街道2024年工作计划", "docx")

