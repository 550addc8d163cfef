"""Fast paths of the extract stage give exactly the answers of the plain definitions they replace.

Each speed-up (issue 6) skips work it can prove useless: a lookahead for the characters a match
can start with, a character test before a lexicon lookup, a regex scan instead of a Python loop.
Here each is checked against the slow, obvious form on the seed plans, the samples and generated
strings made of the characters that matter.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from pledgegraph.loaders import outline, relations, spans, themes
from pledgegraph.loaders.chars import FOLD as _FOLD
from pledgegraph.loaders.chars import FOLDABLE as _FOLDABLE
from pledgegraph.loaders.chars import fold as _fold
from pledgegraph.loaders.find.targets.figures import figure_pattern
from pledgegraph.loaders.find.targets.prose import inherit_pattern
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.projects_lexicon import alternation, quantity, suffix_pattern, trie_pattern, word_set
from pledgegraph.loaders.projects_lists import section_matches, section_pattern
from pledgegraph.loaders.projects_rules import quantity_before
from pledgegraph.loaders.read import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def texts(seed_paths) -> list[str]:
    """Analysed texts of the seeds and samples, plus generated strings dense in marks and names."""
    plans = [normalize(read_document(p).text).text for p in [*seed_paths, *sorted(SAMPLES.glob("*.txt"))]]
    rnd = random.Random(6)
    alphabet = "。;；!！?？\n,，、路街河(一)1—-至~年月底前季度上半全下今本第二十百个万亿余%率和为依托服务配合中文"
    generated = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    return plans + generated


def _plain_around(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    left, right = start, end
    while left > 0 and text[left - 1] not in marks:
        left -= 1
    while right < len(text) and text[right] not in marks:
        right += 1
    return left, right


def test_around_finds_the_nearest_marks_as_a_character_scan_does(texts):
    rnd = random.Random(1)
    for text in texts:
        for _ in range(20):
            start = rnd.randint(0, len(text))
            end = rnd.randint(start, len(text))
            for marks in (spans.CLAUSE_MARKS, spans.SENTENCE_MARKS):
                assert spans.around(text, start, end, marks) == _plain_around(text, start, end, marks)


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_road_sections_tried_at_brackets_match_a_full_scan(texts):
    assert any(section_matches(text) for text in texts)
    for text in texts:
        assert _spans(section_matches(text)) == _spans(section_pattern().finditer(text))


def test_a_leading_lookahead_changes_no_match(texts):
    from pledgegraph.loaders.dates import _patterns

    patterns = [figure_pattern(), inherit_pattern(), *(pattern for pattern, _ in _patterns())]
    for fast in patterns:
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", fast.pattern))
        assert plain.pattern != fast.pattern
        for text in texts:
            assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))


def test_every_deadline_match_holds_the_word_tested_first(texts):
    from pledgegraph.loaders.dates import _patterns

    for pattern, needed in _patterns():
        for text in texts:
            assert all(needed in match.group() for match in pattern.finditer(text))


def test_keyword_counts_in_one_pass_equal_str_count(texts):
    keywords = {word for _, _, words in themes._keywords() for word in words}
    for text in texts:
        counts = themes._counts(text)
        assert counts == {word: text.count(word) for word in keywords if word in text}


def test_folding_by_replacement_equals_translate(texts):
    assert all(_FOLDABLE.match(chr(code)) for code in _FOLD)
    every_key = "".join(map(chr, _FOLD))
    for text in [*texts, every_key, every_key[::-1] + "ａｂ　，"]:
        assert _fold(text) == text.translate(_FOLD)


def test_a_line_rejected_by_its_first_character_has_no_marker(texts):
    lines = {line for text in texts for line in text.split("\n")}
    lines |= {f"{ch}{tail}" for ch in "(（①一十2第是a中" for tail in ("", "一)", "1)", "、", ".", "是中", " 中")}
    for line in lines:
        plain = next((m for m in (p.match(line.lstrip()) for _, p in outline._patterns()) if m), None)
        assert (outline.match_marker(line) is None) == (plain is None), line


def test_the_suffix_trie_matches_the_flat_alternation(texts):
    from pledgegraph.loaders.projects_lexicon import _suffix_table

    flat = re.compile(alternation(_suffix_table()[0]))
    assert flat.pattern != suffix_pattern().pattern
    for text in texts:
        assert _spans(suffix_pattern().finditer(text)) == _spans(flat.finditer(text))
    words = sorted(word_set("project_boundaries"))  # words that are prefixes of others (推进, 持续推进)
    trie, plain = re.compile(trie_pattern(words)), re.compile(alternation(words))
    for text in texts[:200]:
        assert _spans(trie.finditer(text)) == _spans(plain.finditer(text))


def test_quantity_before_equals_the_window_search(texts):
    assert re.fullmatch(quantity(), "12个")
    window_search = re.compile(quantity() + "$")
    for text in texts:
        for end in range(len(text) + 1):
            assert quantity_before(text, end, 8) == bool(window_search.search(text[max(0, end - 8):end]))


def test_relations_look_only_at_sentences_with_a_trigger(texts):
    for text in texts:
        plain, start = [], 0
        for mark in re.finditer(r"[。;；!！?？\n]", text):
            plain.append((start, mark.start()))
            start = mark.end()
        plain.append((start, len(text)))
        wanted = [(a, b) for a, b in plain if b > a and relations._trigger().search(text, a, b)]
        assert list(relations._trigger_sentences(text)) == wanted
