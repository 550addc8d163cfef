"""Readers for plans published as web pages, Word files and PDFs: bytes → plain text.

Each reader has the :class:`~pledgegraph.loaders.read.Reader` shape ``(data, name) →
(text, label)`` and turns every failure of the underlying parser into one LoadError line
naming the file, because a corrupt download must not surface as a zipfile or pypdf trace.

Unlike the plain-text reader these are lossy by nature, so the text they return is what the
later stages index. What they keep is what a reader of the plan sees, laid out so the
outline and table stages work: one line per paragraph, list item or heading, and one line
per table row with its cells joined by a TAB, so a row's 责任单位 column stays apart from
its task. Word files are read in :mod:`.word`.

Inputs are bounded: a page past :data:`MAX_HTML_ELEMENTS` elements or nested deeper than
:data:`MAX_HTML_DEPTH` is refused, and the reader's cost grows with the page, not with
its depth.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from pledgegraph.errors import LoadError
from pledgegraph.loaders.word import _reason, read_docx

if TYPE_CHECKING:
    from pledgegraph.loaders.read import Reader

__all__ = ["FORMAT_READERS", "MAX_HTML_DEPTH", "MAX_HTML_ELEMENTS", "read_docx", "read_html", "read_pdf"]

# --- HTML ---------------------------------------------------------------------------------

# Chrome around the plan, never its text. script/style are also raw-text elements for
# HTMLParser, so markup inside them cannot open a block that leaks into the output.
_SKIP = frozenset(
    "script style noscript nav header footer aside form iframe template title object svg "
    "select button".split()
)
_BLOCK = frozenset(
    "p div li ul ol dl dt dd tr table thead tbody tfoot caption h1 h2 h3 h4 h5 h6 br hr "
    "section article main blockquote pre address figure figcaption center".split()
)
_CELL = frozenset(("td", "th"))
# Elements without an end tag: hiding one must not start a skip that never ends.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Where CMS templates put the body of an article (Shanghai's 'ivs_content', TRS 'zoom', …).
_CONTENT_HINT = re.compile(r"content|zoom|article|main|text", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
# A line break in the source between two Chinese characters is the editor wrapping the
# line, not a space the author typed (browsers would show a space, which Chinese lacks).
_WRAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3400-\u9fff])")
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_BLANKS = re.compile(r"\n{3,}")
# A block boundary: adjacent ones (<p>…</p><p>…</p>, nested divs) make one line break.
_SOFT = "\x1e"
_SOFTS = re.compile(r"\x1e(?:[ \xa0\u3000]*\x1e)*")
_CELL_PAD = " \xa0\u3000"
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAIN_SHARE = 0.5  # a content element must hold at least this share of the page's Chinese
_BOM = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Elements whose end tag HTML lets authors leave out: an old page's unclosed <p>s and <td>s
# are no nesting. Every other element counts towards MAX_HTML_DEPTH until its end tag.
_OPTIONAL_END = frozenset("html head body p li dt dd rt rp optgroup option colgroup caption thead tbody tfoot "
                          "tr td th".split())

MAX_HTML_ELEMENTS = 200_000
"""Elements a web page may have. A real plan page has a few thousand (a big task table some
tens of thousands); past this the page is refused rather than parsed for minutes."""
MAX_HTML_DEPTH = 1_000
"""How deep a page may nest elements with a required end tag (browsers stop nesting at 512)."""


class _TextCollector(HTMLParser):
    """Flattens a page into text pieces and structural marks ("\\n", "\\t"), and notes which
    piece ranges lie inside elements that look like the article body."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.pieces: list[str] = []
        self.candidates: list[tuple[int, int]] = []  # [start, end) into pieces
        # Open candidates per tag, as (start, level): the element ends at the end tag that
        # brings its tag's level below the one it opened at. Per tag and by level, so each
        # tag costs the same however deep the page nests (a scan of every open candidate
        # made 50,000 nested content divs take minutes).
        self._open: dict[str, list[tuple[int, int]]] = {}
        self._level: dict[str, int] = {}
        self._depth = 0  # open elements whose end tag HTML requires
        self._elements = 0
        self._skip: list[str] = []
        self._cells: list[int] = [0]  # cells seen in the current row, per open table
        self._in_cell = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count(tag)
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.append(tag)
            return
        attributes = dict(attrs)
        if tag in _SKIP or tag not in _VOID and ( "hidden" in attributes or _HIDDEN.search(attributes.get("style") or "")):
            self._skip.append(tag)
            return
        level = self._level[tag] = self._level.get(tag, 0) + 1
        hint = f"{attributes.get('id') or ''} {attributes.get('class') or ''}"
        if tag not in _VOID and (tag in ("article", "main") or _CONTENT_HINT.search(hint)):
            self._open.setdefault(tag, []).append((len(self.pieces), level))
        self._structure(tag, opening=True)

    def _count(self, tag: str, opens: bool = True) -> None:
        """Refuse a page past the element or nesting limits (see :data:`MAX_HTML_ELEMENTS`)."""
        self._elements += 1
        if self._elements > MAX_HTML_ELEMENTS:
            raise LoadError(f"{self.name}: web page has more than {MAX_HTML_ELEMENTS:,} elements (the limit)")
        if opens and tag not in _VOID and tag not in _OPTIONAL_END:
            self._depth += 1
            if self._depth > MAX_HTML_DEPTH:
                raise LoadError(f"{self.name}: web page nests elements deeper than {MAX_HTML_DEPTH:,} (the limit)")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count(tag, opens=False)
        if not self._skip and tag not in _SKIP:
            self._structure(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and tag not in _OPTIONAL_END and self._depth:
            self._depth -= 1
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        level = self._level[tag] = self._level.get(tag, 0) - 1
        open_here = self._open.get(tag)
        if open_here and open_here[-1][1] > level:
            self.candidates.append((open_here.pop()[0], len(self.pieces)))
        self._structure(tag, opening=False)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = data.replace(_SOFT, "")
        if not self._pre:
            data = _SPACE.sub(" ", _WRAP.sub("", data))
        self.pieces.append(data)

    def close(self) -> None:
        # What feed() left is an unfinished tag, comment or declaration, or a script or style
        # without its end tag. Browsers show none of it (HTML5's end-of-file rules), and
        # Python 3.11's close() rescans the rest for every "<" in it: quadratic on "<!--" * n.
        if self.rawdata.startswith("<") or self.cdata_elem:
            self.rawdata = ""
        super().close()
        self.candidates.extend((start, len(self.pieces)) for opened in self._open.values() for start, _ in opened)
        self._open.clear()

    def _structure(self, tag: str, *, opening: bool) -> None:
        if tag == "table":
            if opening:
                self._cells.append(0)
            elif len(self._cells) > 1:
                self._cells.pop()
        elif tag == "pre":
            self._pre = max(0, self._pre + (1 if opening else -1))
        if tag in _CELL:
            self._in_cell = max(0, self._in_cell + (1 if opening else -1))
            if opening:
                self.pieces.append("\t" if self._cells[-1] else "")
                self._cells[-1] += 1
        elif tag in _BLOCK:
            if tag == "tr":
                self._cells[-1] = 0
            # Inside a cell a paragraph break is a space, so the whole row stays one line;
            # <br> is a hard break (two make a blank line), other blocks a soft one.
            if self._in_cell and tag != "tr":
                if self.pieces and not self.pieces[-1].endswith(" "):
                    self.pieces.append(" ")
            else:
                self.pieces.append("\n" if tag == "br" else _SOFT)


def _best_range(collector: _TextCollector) -> tuple[int, int]:
    """The content element with the most Chinese text (innermost on a tie) when it holds most
    of the page's Chinese; else the whole page. Widest wins so the title above a 'zoom' body
    is kept whenever a wrapper holds both."""
    counts = [0]
    for piece in collector.pieces:
        counts.append(counts[-1] + len(_CJK.findall(piece)))
    total = counts[-1]
    best = (0, len(collector.pieces))
    if not total:
        return best
    scored = [(counts[end] - counts[start], start - end, start, end) for start, end in collector.candidates]
    if scored:
        cjk, _, start, end = max(scored)
        if cjk >= _MAIN_SHARE * total:
            best = (start, end)
    return best


def _tidy(raw: str) -> str:
    """Trim each cell and line, drop trailing empty cells, collapse runs of blank lines."""
    lines = []
    for line in _SOFTS.sub("\n", raw).split("\n"):
        cells = [cell.strip(_CELL_PAD) for cell in line.split("\t")]
        lines.append("\t".join(cells).rstrip("\t"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """A declared <meta charset> first (GB2312/GBK read as their superset GB18030), unless
    the page is valid UTF-8 — pages saved as UTF-8 often keep an old GB2312 declaration."""
    from pledgegraph.loaders.read import decode_bytes  # read.py registers this module

    found = None if data.startswith(_BOM) else _META_CHARSET.search(data[:4096])
    if found:
        declared = found.group(1).decode("ascii").lower()
        if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936"):
            declared = "gb18030"
        try:
            text = data.decode("utf-8")
            if declared not in ("utf-8", "utf8"):
                return text, "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    return decode_bytes(data, name)


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """The readable text of a web page: chrome and scripts dropped, the article body preferred."""
    source, encoding = _decode_html(data, name)
    collector = _TextCollector(name)
    collector.feed(source)
    collector.close()
    start, end = _best_range(collector)
    text = _tidy("".join(collector.pieces[start:end]))  # entities: convert_charrefs
    if not text.strip():
        raise LoadError(f"{name}: web page has no visible text")
    return text, f"html:{encoding}"


# --- PDF ----------------------------------------------------------------------------------


def _open_pdf(data: bytes, name: str):
    """A PdfReader with its pages decrypted; LoadError for what is not a complete PDF."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise LoadError(f"{name}: not a readable PDF (no %PDF header)")
    if b"%%EOF" not in data[-4096:]:  # pypdf would silently rebuild what a cut download lost
        raise LoadError(f"{name}: not a readable PDF (truncated: no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("password required")
        reader.pages[0]  # noqa: B018 — forces the page tree, where broken files fail
    except (DependencyError, FileNotDecryptedError) as error:
        raise LoadError(f"{name}: PDF is encrypted ({_reason(error)}); save an unprotected copy") from None
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise LoadError(f"{name}: not a readable PDF ({_reason(error)})") from None
    return reader


def read_pdf(data: bytes, name: str) -> tuple[str, str]:
    """The text layer of every page, pages joined by a line break."""
    reader = _open_pdf(data, name)
    pages = []
    for number, page in enumerate(reader.pages, 1):
        try:
            pages.append(page.extract_text() or "")
        except Exception as error:  # a broken content stream on one page
            raise LoadError(f"{name}: not a readable PDF (page {number}: {_reason(error)})") from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise LoadError(f"{name}: PDF has no text layer (scanned?); OCR it first")
    return text, "pdf"


FORMAT_READERS: dict[str, Reader] = {
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
