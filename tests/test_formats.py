"""HTML, Word and PDF plans: the plan's text kept in order, chrome dropped, broken files refused."""

from __future__ import annotations

import io

import pytest
from pledgegraph.errors import LoadError
from pledgegraph.loaders.formats import FORMAT_READERS, read_docx, read_html, read_pdf

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>某区人民政府_政务公开</title>
<style>.zoom {{ color: red }}</style>
<script>window.x=1; document.write("<p>脚本里的段落</p>")</script></head>
<body><header><div>网站首页 政务公开 办事服务</div></header>
<nav><ul><li>首页</li><li>机构设置</li></ul></nav>
<div class="wrap"><div class="crumb">当前位置：首页 &gt; 政务公开</div>
<div class="article"><h1>某街道2024年工作计划</h1>
<div id="zoom"><p>一、总体要求</p>
<p>&nbsp;&nbsp;1.新增养老床位50张，
完成率不低于95%。</p>
<table><tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
<tr><td>1</td><td><p>完成道路改造</p><p>3公里</p></td><td>区建设管理委</td></tr></table>
<!-- 编辑：张三 -->
<p>二、保障措施</p><br><br><p>加强组织领导。</p></div></div>
<aside>热点链接 相关新闻</aside><div class="share">分享到微信</div></div>
<footer>版权所有 某区人民政府</footer><noscript>请启用脚本</noscript>
<script>var y = "页面统计";</script></body></html>"""

PLAN = (
    "某街道2024年工作计划\n"
    "一、总体要求\n"
    "1.新增养老床位50张，完成率不低于95%。\n"
    "序号\t任务\t责任单位\n"
    "1\t完成道路改造 3公里\t区建设管理委\n"
    "二、保障措施\n"
    "\n"
    "加强组织领导。"
)


def test_html_keeps_the_article_and_drops_chrome_and_scripts():
    text, label = read_html(PAGE.format(charset="utf-8").encode("utf-8"), "plan.html")
    assert text == PLAN
    assert label == "html:utf-8"
    for chrome in ("window.x", "脚本", "首页", "政务公开", "相关新闻", "分享", "版权", "编辑", "统计", "请启用"):
        assert chrome not in text


def test_html_in_gb18030_honours_the_meta_charset():
    data = PAGE.format(charset="gb2312").encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, label = read_html(data, "plan.htm")
    assert text == PLAN
    assert label == "html:gb18030"


def test_html_saved_as_utf8_under_an_old_gb2312_declaration_reads_as_utf8():
    text, label = read_html(PAGE.format(charset="gb2312").encode("utf-8"), "plan.html")
    assert (text, label) == (PLAN, "html:utf-8")


def test_html_without_a_content_element_keeps_the_whole_body():
    page = "<html><body><p>三、重点项目</p><div>推进<b>老旧小区</b>改造</div>\n<p>第二段</p></body></html>"
    assert read_html(page.encode(), "p.html") == ("三、重点项目\n推进老旧小区改造\n第二段", "html:utf-8")


def test_html_table_row_is_one_tab_joined_line_with_empty_cells_kept_in_place():
    page = "<table><tr><td>（一）</td><td></td><td>街道办事处<br>区民政局</td><td></td></tr></table>"
    text, _ = read_html(page.encode(), "t.html")
    assert text == "（一）\t\t街道办事处 区民政局"


def test_html_hidden_elements_and_a_hidden_input_do_not_swallow_the_page():
    page = '<p>可见</p><div style="display: none">隐藏</div><input type="hidden" hidden><p>其后</p>'
    assert read_html(page.encode(), "h.html")[0] == "可见\n其后"


def test_html_with_no_visible_text_is_refused():
    with pytest.raises(LoadError, match=r"^empty\.html: web page has no visible text$"):
        read_html(b"<html><script>window.x=1</script></html>", "empty.html")


# --- DOCX -------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("某街道2024年工作计划", 0)
    document.add_paragraph("一、总体要求")
    document.add_paragraph("1.新增养老床位50张。")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    rows = [("序号", "任务", "责任单位"), ("1", "完成道路改造3公里", "区建设管理委"), ("2", "新建社区食堂", "区民政局")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、保障措施")
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).text = "3"
    merged.cell(0, 1).merge(merged.cell(0, 2)).text = "各居委会"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_interleaves_paragraphs_and_table_rows_in_document_order():
    text, label = read_docx(_docx_bytes(), "plan.docx")
    assert label == "docx"
    assert text.split("\n") == [
        "某街道2024年工作计划",
        "一、总体要求",
        "1.新增养老床位50张。",
        "",
        "序号\t任务\t责任单位",
        "1\t完成道路改造3公里\t区建设管理委",
        "2\t新建社区食堂\t区民政局",
        "二、保障措施",
        "3\t各居委会",  # the merged cell python-docx repeats appears once
    ]


def test_truncated_docx_is_refused_naming_the_file():
    data = _docx_bytes()
    with pytest.raises(LoadError, match=r"^plan\.docx: not a readable Word file \(.+\)$"):
        read_docx(data[: len(data) // 2], "plan.docx")


def test_zip_without_a_word_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a docx")
    with pytest.raises(LoadError, match=r"^x\.docx: not a readable Word file"):
        read_docx(buffer.getvalue(), "x.docx")


# --- PDF --------------------------------------------------------------------------------


def _pdf_bytes(*pages: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    for lines in pages:
        sheet.setFont("STSong-Light", 12)
        for number, line in enumerate(lines):
            sheet.drawString(72, 750 - 20 * number, line)
        if not lines:
            sheet.rect(100, 100, 200, 200, fill=1)  # a "scan": marks on the page, no text
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def test_pdf_chinese_text_of_every_page_in_order():
    data = _pdf_bytes(["某街道2024年工作计划", "1.新增养老床位50张，由区民政局负责。"], ["二、加强组织领导。"])
    assert read_pdf(data, "plan.pdf") == (
        "某街道2024年工作计划\n1.新增养老床位50张，由区民政局负责。\n二、加强组织领导。",
        "pdf",
    )


def test_pdf_without_a_text_layer_asks_for_ocr():
    with pytest.raises(LoadError, match=r"^scan\.pdf: PDF has no text layer \(scanned\?\); OCR it first$"):
        read_pdf(_pdf_bytes([]), "scan.pdf")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf_is_refused(cut):
    data = _pdf_bytes(["某街道2024年工作计划"])
    with pytest.raises(LoadError, match=r"^plan\.pdf: not a readable PDF \(.+\)$"):
        read_pdf(data[: int(len(data) * cut)], "plan.pdf")


def test_non_pdf_bytes_are_refused():
    with pytest.raises(LoadError, match=r"^plan\.pdf: not a readable PDF \(no %PDF header\)$"):
        read_pdf("某街道工作计划".encode(), "plan.pdf")


def _encrypted_pdf(text: str, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf_bytes([text]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_without_the_password_is_refused():
    with pytest.raises(LoadError, match=r"^locked\.pdf: PDF is encrypted \(.+\); save an unprotected copy$"):
        read_pdf(_encrypted_pdf("某街道2024年工作计划", "secret"), "locked.pdf")


def test_pdf_encrypted_with_an_empty_user_password_opens():
    assert read_pdf(_encrypted_pdf("禁止复制的计划", ""), "open.pdf") == ("禁止复制的计划", "pdf")


def test_readers_are_registered_by_suffix():
    assert FORMAT_READERS == {".html": read_html, ".htm": read_html, ".docx": read_docx, ".pdf": read_pdf}
