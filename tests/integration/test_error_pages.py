"""A mistyped address gets the site's own 404 page (with its navigation), never Django's bare default."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no-such-page-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'href="/atlas/search/"' in html
    assert "<nav" in html  # the site's own layout, not Django's default


def test_the_workup_form_explains_its_radiation_and_cost_symbols(client):
    from tests.factories import make_quiz_case

    case = make_quiz_case()
    module = case.get_parent().specific
    module.is_open_sample = True
    module.save_revision().publish()
    html = client.get(case.url).content.decode()
    assert 'id="workup-legend"' in html and "relative radiation level" in html
