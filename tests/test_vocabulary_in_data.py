"""Vocabulary is data: no word list lives in the loaders' code (issue 13).

A word list is a tuple, list, set or dict of two or more Chinese words, a regex alternation
between Chinese words (年底|年末) or a character class of Chinese characters ([区市县]), in any
string of loaders/**/*.py but docstrings. What code may hold: grammar built from the data
files, single grammatical morphemes inside a pattern (年, 月, 第 …) and the numeral and
character classes of loaders/chars.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

LOADERS = Path(__file__).resolve().parents[1] / "loaders"
CJK = "\u4e00-\u9fff"
_ALTERNATION = re.compile(rf"[{CJK}][^|()\[\]]{{0,8}}\|[^|()\[\]]{{0,8}}[{CJK}]")
_CLASS = re.compile(rf"\[\^?(?:[^\]\\]|\\.)*?[{CJK}](?:[^\]\\]|\\.)*?[{CJK}](?:[^\]\\]|\\.)*?\]")
_HAS_CJK = re.compile(rf"[{CJK}]")
# Calls that take a string as a set of characters: frozenset("的和与"), name.rstrip("省市区县").
_CHARACTER_SETS = frozenset({"set", "frozenset", "strip", "rstrip", "lstrip"})


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _lists(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and len(_HAS_CJK.findall(node.args[0].value)) >= 2 \
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in _CHARACTER_SETS:
            out.append(f"{path.name}:{node.lineno}: a string of characters used as a set {node.args[0].value!r}")
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _HAS_CJK.search(e.value)]
            if len(words) >= 2:
                out.append(f"{path.name}:{node.lineno}: a list of words {words[:4]}")
        elif isinstance(node, ast.Dict):
            words = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                     and _HAS_CJK.search(k.value)]
            if len(words) >= 2:
                out.append(f"{path.name}:{node.lineno}: a table of words {words[:4]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            text = node.value.replace("\\u4e00-\\u9fff", "").replace("\u4e00-\u9fff", "")
            for pattern, what in ((_ALTERNATION, "an alternation of words"), (_CLASS, "a class of characters")):
                if found := pattern.search(text):
                    out.append(f"{path.name}:{node.lineno}: {what} {found.group()!r}")
    return out


def test_no_word_list_in_the_loaders_code():
    found = [line for path in sorted(LOADERS.rglob("*.py")) if path.name != "chars.py" for line in _lists(path)]
    assert not found, "vocabulary belongs in loaders/data/:\n" + "\n".join(found)
