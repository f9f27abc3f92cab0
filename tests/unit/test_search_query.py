"""Cleaning a typed search query, without a database: what is kept, what is dropped, what the visitor is told."""

import ast
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.search_query import (
    MAX_QUERY_LENGTH,
    NOTE_DROPPED,
    NOTE_NOTHING_LEFT,
    NOTE_SHORTENED,
    search_query_clean,
)

ROOT = Path(__file__).resolve().parents[2]


def test_module_imports_no_django():
    tree = ast.parse((ROOT / "atlas/search_query.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"django", "wagtail", "modelcluster", "modelsearch"}


def test_plain_words_pass_unchanged_and_without_notes():
    assert search_query_clean("dorsal epidural haematoma").text == "dorsal epidural haematoma"
    assert search_query_clean("dorsal epidural haematoma").notes == ()


def test_none_and_blank_are_an_empty_query_without_notes():
    assert search_query_clean(None).text == ""
    assert search_query_clean("   ").notes == ()


def test_a_lone_double_quote_leaves_nothing_to_search_and_says_so():
    cleaned = search_query_clean('"')
    assert cleaned.text == ""
    assert cleaned.notes == (NOTE_DROPPED, NOTE_NOTHING_LEFT)


def test_quotes_inside_words_become_spaces():
    assert search_query_clean('screw "loosening').text == "screw loosening"
    assert search_query_clean('a"b').text == "a b"


def test_a_nul_byte_is_dropped_with_a_note():
    cleaned = search_query_clean("haematoma\x00")
    assert cleaned.text == "haematoma"
    assert cleaned.notes == (NOTE_DROPPED,)


def test_a_nul_byte_between_words_separates_them():
    assert search_query_clean("dural\x00tear").text == "dural tear"


def test_tabs_and_newlines_are_whitespace_not_dropped_characters():
    cleaned = search_query_clean("dural\t\ntear")
    assert cleaned.text == "dural tear"
    assert cleaned.notes == ()


def test_apostrophes_hyphens_operators_and_emoji_are_kept():
    typed = "Paget's L4-5 AND OR NEAR( * ) 😀 café"
    assert search_query_clean(typed).text == typed


def test_an_overlong_query_is_cut_to_the_limit_with_a_note():
    cleaned = search_query_clean("x" * 5000)
    assert cleaned.text == "x" * MAX_QUERY_LENGTH
    assert cleaned.notes == (NOTE_SHORTENED,)


def test_the_cut_ends_on_a_character_not_a_space():
    cleaned = search_query_clean("a" * (MAX_QUERY_LENGTH - 1) + " tail")
    assert cleaned.text == "a" * (MAX_QUERY_LENGTH - 1)


@settings(max_examples=500)
@given(st.text())
def test_any_text_cleans_to_short_quote_free_printable_text(raw):
    text = search_query_clean(raw).text
    assert len(text) <= MAX_QUERY_LENGTH
    assert '"' not in text
    assert all(unicodedata.category(c) not in {"Cc", "Cs"} for c in text)
    assert text == " ".join(text.split())


@settings(max_examples=200)
@given(st.text())
def test_cleaning_twice_changes_nothing_more(raw):
    once = search_query_clean(raw)
    twice = search_query_clean(once.text)
    assert twice.text == once.text
    assert twice.notes == ()
