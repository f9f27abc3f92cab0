"""Searching the admin listings never answers 500, whatever is typed (SQLite's full-text syntax included)."""

import pytest
from django.urls import reverse

from tests.factories import make_figure

pytestmark = pytest.mark.django_db

LISTINGS = [
    "wagtailsnippets_atlas_figure:list",
    "wagtailsnippets_atlas_surgery:list",
    "wagtailsnippets_atlas_complication:list",
    "wagtailsnippets_atlas_clinicalscenario:list",
    "wagtailsnippets_atlas_modality:list",
    "wagtailsnippets_stacks_imagestack:list",
    "wagtailimages:index",
]
QUERIES = ["caption", "name", "Epidural", '"', 'say "hello', "nul\x00byte", "(", "*", "AND OR NOT"]


@pytest.fixture
def faculty(client, personas, django_user_model):
    make_figure(title="Epidural haematoma figure", caption="A dorsal collection.")
    # The images listing needs image permissions that faculty hold through collections; a superuser sees all.
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-boss-1234"))
    return client


@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("query", QUERIES)
def test_searching_an_admin_listing_never_fails(faculty, listing, query):
    response = faculty.get(reverse(listing), {"q": query})
    assert response.status_code == 200


def test_a_figure_is_found_by_its_caption(faculty):
    response = faculty.get(reverse("wagtailsnippets_atlas_figure:list"), {"q": "dorsal"})
    assert "Epidural haematoma figure" in response.content.decode()
