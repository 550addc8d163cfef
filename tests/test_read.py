"""Reading files: encodings detected, text kept exactly, clear one-line errors naming the file."""

from __future__ import annotations

import hashlib

import pytest
from pledgegraph.errors import LoadError
from pledgegraph.loaders.read import READERS, decode_bytes, read_document, register_reader

TEXT = "某某街道2024年工作计划\n一、稳中求进\n1.新增养老床位50张。"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("gb18030", TEXT.encode("gb18030")),
        ("gb18030", TEXT.encode("gbk")),
        ("utf-16-le", b"\xff\xfe" + TEXT.encode("utf-16-le")),
        ("utf-16-be", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf-16-le", TEXT.encode("utf-16-le")),
        ("utf-16-be", TEXT.encode("utf-16-be")),
        ("utf-32-le", b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le")),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoding, data):
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == TEXT  # the BOM is dropped, nothing else changes
    assert document.encoding == encoding
    assert document.name == "plan.txt"
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(data).hexdigest()  # of the raw bytes


def test_chinese_without_ascii_in_utf16_without_bom(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("推进滨河步道建设,完善社区服务。".encode("utf-16-le"))
    assert read_document(path).text == "推进滨河步道建设,完善社区服务。"


def test_text_is_kept_exactly_including_crlf_and_full_width(tmp_path):
    path = tmp_path / "plan.md"
    path.write_bytes("标题\r\n（一）正文，１２个。\r\n".encode())
    assert read_document(path).text == "标题\r\n（一）正文，１２个。\r\n"


@pytest.mark.parametrize(
    "text",
    ["臺灣地區二〇二四年發展計劃,推動經濟穩定增長,擴大社會福利與長期照顧服務。",  # traditional characters
     "“一网通办”“一网统管”“我嘉·邻里中心”…新增绿地2万m²,温度±2°C,增长5‰。"],  # quotes, dots, symbols
    ids=["traditional", "symbols"],
)
def test_plain_chinese_is_not_taken_for_mojibake(text):
    assert decode_bytes(text.encode("utf-8"), "x.txt") == (text, "utf-8")
    assert decode_bytes(text.encode("gb18030"), "x.txt") == (text, "gb18030")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \r\n\n ", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("bell.txt", "推进\x07建设工作。".encode(), "binary"),
        ("plan.xyz", "正文".encode(), "unsupported format '.xyz'"),
        ("plan", "正文".encode(), "unsupported format '(no suffix)'"),
        ("latin.txt", TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), "mojibake"),
        ("gbk-misread.txt", TEXT.encode("utf-8").decode("gbk", errors="ignore").encode("utf-8"), "mojibake"),
        ("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8\x00\xd8", "invalid utf-16-le"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        read_document(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_unsupported_format_lists_the_supported_ones(tmp_path):
    path = tmp_path / "plan.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    supported = r"\.docx, \.htm, \.html, \.md, \.pdf, \.text, \.txt"
    with pytest.raises(LoadError, match=rf"plan\.xls: unsupported format '\.xls' \(supported: {supported}\)"):
        read_document(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="nothing.txt: no such file"):
        read_document(tmp_path / "nothing.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(LoadError, match="dir.txt: is a directory"):
        read_document(tmp_path / "dir.txt")


def test_decode_bytes_names_the_source_in_its_errors():
    with pytest.raises(LoadError, match=r"^upload\.txt: not a text file \(binary content\)$"):
        decode_bytes(b"\x00\x01\x02abc\x00\x00\x00\x00\x00\x00\x07", "upload.txt")


def test_new_formats_register_a_reader(tmp_path):
    def upper(data: bytes, name: str) -> tuple[str, str]:
        return data.decode("ascii").upper(), "ascii"

    register_reader("PLAN", upper)  # suffix with or without its dot, any case
    try:
        path = tmp_path / "a.plan"
        path.write_bytes(b"abc")
        document = read_document(path)
        assert (document.text, document.encoding) == ("ABC", "ascii")
    finally:
        READERS.pop(".plan")
