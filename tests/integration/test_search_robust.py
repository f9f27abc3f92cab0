"""Atlas search answers any typed text with results or a clear note, never a server error (SQLite and PostgreSQL)."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.search_query import MAX_QUERY_LENGTH
from tests.factories import make_entry, make_figure

pytestmark = pytest.mark.django_db

# Characters and words with a meaning in SQLite FTS5 or PostgreSQL tsquery syntax, or that a database refuses.
SYNTAX = [
    '"',
    "'",
    "\x00",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "*",
    "-",
    "^",
    ":",
    "&",
    "|",
    "!",
    "<->",
    "\\",
]
SYNTAX += ["{", "}", "+", "col:", "😀", "\u200d", "\ufeff", "\x1b", "\n", "%", "_"]

typed_text = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=5)), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=5)), max_size=12).map(" ".join),
    st.text(min_size=MAX_QUERY_LENGTH - 5, max_size=3 * MAX_QUERY_LENGTH),
)


@pytest.fixture
def searchable_atlas(db):
    return make_entry(figures=[make_figure(title="Dorsal collection figure")], title="Symptomatic haematoma")


def _search(client, q, **headers):
    # A savepoint per request: on PostgreSQL a failed statement would otherwise poison the test's transaction
    # and every later example with it.
    with transaction.atomic():
        return client.get(reverse("atlas:search"), {"q": q}, **headers)


def test_any_typed_text_gets_a_page_not_a_server_error(searchable_atlas):
    client = Client()

    @settings(max_examples=300, deadline=None)
    @given(typed_text, st.booleans())
    def search_answers(q, htmx):
        response = _search(client, q, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
        assert response.status_code == 200

    search_answers()


def test_a_lone_double_quote_gets_a_clear_note(client, searchable_atlas):
    response = _search(client, '"')
    assert response.status_code == 200
    assert "Nothing was left to search for" in response.content.decode()


def test_an_unbalanced_quote_still_finds_the_words(client, searchable_atlas):
    response = _search(client, 'symptomatic "haematoma')
    assert response.status_code == 200
    assert "Symptomatic haematoma" in response.content.decode()


def test_a_nul_byte_is_left_out_and_the_words_still_found(client, searchable_atlas):
    response = _search(client, "haematoma\x00")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Symptomatic haematoma" in html
    assert "control characters were left out" in html


def test_undecodable_bytes_in_the_address_get_a_page(client, searchable_atlas):
    with transaction.atomic():
        response = client.get(reverse("atlas:search") + "?q=%FF%00%22%28")
    assert response.status_code == 200
