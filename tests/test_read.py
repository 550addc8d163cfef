"""Reading files: encodings detected, text kept exactly, clear errors naming the file."""

from __future__ import annotations

import pytest
from pledgegraph.errors import LoadError
from pledgegraph.loaders.read import read_document, register_reader

TEXT = "某某街道2024年工作计划\n一、稳中求进\n1.新增养老床位50张。"


@pytest.mark.parametrize(
    ("encoding", "data_of"),
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("utf-16-le", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
        ("utf-16-be", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("utf-16-le", lambda t: t.encode("utf-16-le")),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoding, data_of):
    path = tmp_path / "plan.txt"
    path.write_bytes(data_of(TEXT))
    document = read_document(path)
    assert document.text == TEXT
    assert document.encoding == encoding
    assert document.name == "plan.txt" and len(document.sha256) == 64


def test_text_is_kept_exactly_including_crlf(tmp_path):
    path = tmp_path / "plan.md"
    path.write_bytes("标题\r\n正文。\r\n".encode())
    assert read_document(path).text == "标题\r\n正文。\r\n"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "binary.txt"),
        ("plan.xyz", "正文".encode(), "unsupported format '.xyz'"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        read_document(path)
    assert message in str(caught.value) and name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        read_document(tmp_path / "nothing.txt")


def test_mojibake_is_reported_not_loaded(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_bytes(TEXT.encode("utf-8").decode("latin-1").encode("utf-8"))
    with pytest.raises(LoadError, match="mojibake"):
        read_document(path)


def test_new_formats_register_a_reader(tmp_path):
    register_reader(".plan", lambda data, name: (data.decode("utf-8").upper(), "utf-8"))
    path = tmp_path / "a.plan"
    path.write_bytes(b"abc")
    assert read_document(path).text == "ABC"
