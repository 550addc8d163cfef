"""Input limits: oversized plans and pathological web pages are refused in one line, quickly.

(Word packages that unpack too big are in test_word.py.) Speed is never asserted here; the
inputs are ones that took minutes before the readers were bounded.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.errors import LoadError
from pledgegraph.loaders.extract import extract_file
from pledgegraph.loaders.formats import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, read_html
from pledgegraph.loaders.read import MAX_FILE_BYTES, MAX_PLAN_CHARS, read_document

PLAN = "新桥街道2024年工作计划\n一、城市建设\n1.推进滨河大道越江隧道建设,年底前完成主体结构。\n"


def test_a_plan_over_the_character_limit_is_refused_naming_file_and_limit(tmp_path):
    path = tmp_path / "huge.txt"
    copies = MAX_PLAN_CHARS // len(PLAN) + 1
    path.write_text(PLAN * copies, encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        read_document(path)
    assert str(refused.value) == (f"{path}: plan too large ({len(PLAN) * copies:,} characters; "
                                  f"the limit is {MAX_PLAN_CHARS:,})")


def test_a_plan_at_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    text = (PLAN * (MAX_PLAN_CHARS // len(PLAN) + 1))[:MAX_PLAN_CHARS]
    path.write_text(text, encoding="utf-8")
    assert len(read_document(path).text) == MAX_PLAN_CHARS


def test_a_file_over_the_byte_limit_is_refused_before_decoding(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: NULs, which decoding would call binary
    with pytest.raises(LoadError, match=r"dump\.txt: file too large \(over 64 MB, the limit for a plan\)$"):
        read_document(path)


def test_load_reports_the_oversized_plan_and_loads_the_rest(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    (folder / "b.txt").write_text(PLAN * (MAX_PLAN_CHARS // len(PLAN) + 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(folder), "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 1
    (refusal,) = [line for line in result.output.splitlines() if "b.txt" in line]
    assert refusal.endswith(f"b.txt: plan too large ({len(PLAN) * (MAX_PLAN_CHARS // len(PLAN) + 1):,} characters; "
                            f"the limit is {MAX_PLAN_CHARS:,})")
    assert "1 loaded" in result.output


# --- web pages ---------------------------------------------------------------------------------


def _nested(depth: int, tag: str = "div", attrs: str = " class='content'") -> bytes:
    return (f"<html><body>{f'<{tag}{attrs}>' * depth}<p>新桥街道2024年工作计划</p>{f'</{tag}>' * depth}"
            "</body></html>").encode()


def test_nesting_within_the_limit_reads_like_a_flat_page():
    assert read_html(_nested(MAX_HTML_DEPTH - 10), "deep.html") == ("新桥街道2024年工作计划", "html:utf-8")


@pytest.mark.parametrize("attrs", [" class='content'", ""])
def test_fifty_thousand_nested_divs_are_refused_naming_the_limit(attrs):
    # Before: 50,000 nested content divs took minutes (every tag scanned every open one).
    with pytest.raises(LoadError, match=rf"^nest\.html: web page nests elements deeper than {MAX_HTML_DEPTH:,} "
                                        r"\(the limit\)$"):
        read_html(_nested(50_000, attrs=attrs), "nest.html")


def test_unclosed_paragraphs_and_cells_are_no_nesting():
    # Old CMS pages never close <p>, <li> or <td>: that is not depth.
    rows = "".join(f"<tr><td>{i}<td>任务{i}" for i in range(1, MAX_HTML_DEPTH + 200))
    page = f"<html><body><p>新桥街道2024年工作计划<p>一、城市建设<table>{rows}</table></body></html>"
    text, _ = read_html(page.encode(), "old.html")
    assert text.startswith("新桥街道2024年工作计划\n一、城市建设\n1\t任务1\n2\t任务2")


def test_a_page_over_the_element_limit_is_refused():
    page = "<html><body>" + "<p>一</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>"
    with pytest.raises(LoadError, match=rf"^many\.html: web page has more than {MAX_HTML_ELEMENTS:,} elements"):
        read_html(page.encode(), "many.html")


@pytest.mark.parametrize("tail", ["<!--a" * 20_000, "</" * 20_000, "<a href='" + "x" * 50_000, "<!x" * 20_000])
def test_an_unfinished_tag_or_comment_at_the_end_shows_nothing(tail):
    # Browsers drop an unfinished tag or comment at the end of a file; Python 3.11's parser
    # made text of it, rescanning the rest for every "<" (20,000 "<!--a" took seconds).
    page = f"<html><body><div class='content'><p>新桥街道2024年工作计划</p><p>一、城市建设</p></div>{tail}"
    assert read_html(page.encode(), "cut.html") == ("新桥街道2024年工作计划\n一、城市建设", "html:utf-8")


def test_content_candidates_still_close_at_their_own_end_tag():
    page = ("<html><body><div class='nav'>首页</div><div id='content'><div><p>新桥街道2024年工作计划</p></div>"
            "<div><p>一、城市建设</p></div></div><div>相关链接</div></body></html>")
    assert read_html(page.encode(), "c.html")[0] == "新桥街道2024年工作计划\n一、城市建设"


def test_a_refused_plan_is_a_load_error_through_extract(tmp_path):
    path = tmp_path / "deep.html"
    path.write_bytes(_nested(MAX_HTML_DEPTH + 1))
    with pytest.raises(LoadError, match="deep.html: web page nests elements deeper than"):
        extract_file(path)
