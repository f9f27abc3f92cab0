"""Atlas pages as a visitor sees them: rendering, overlays, facets, search, bad input, query counts."""

import pytest
from django.urls import reverse

from atlas.models import Figure
from tests.factories import (
    make_atlas,
    make_complication,
    make_entry,
    make_figure,
    make_modality,
    make_surgery,
)

pytestmark = pytest.mark.django_db


def test_entry_page_draws_each_figure_with_its_overlay_and_legend(client):
    figure = make_figure()
    entry = make_entry(figures=[figure])
    response = client.get(entry.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="figure-{figure.slug}"' in html
    assert '<svg class="figure-overlay"' in html
    assert 'data-shape-id="lesion"' in html and 'data-shape-ref="lesion"' in html
    assert 'alt="A schematic sagittal drawing."' in html
    assert "image/avif" in html and "image/webp" in html


def test_entry_page_shows_the_scenario_table_best_rating_first(client):
    from tests.factories import make_scenario

    scenario = make_scenario(ratings={"mri": 9, "ct": 6, "xr": 2})
    entry = make_entry(figures=[make_figure()], scenarios=[scenario])
    html = client.get(entry.url).content.decode()
    assert html.index(">MRI<") < html.index(">CT<") < html.index(">XR<")
    assert "Usually appropriate" in html and "Usually not appropriate" in html


def test_atlas_index_shows_the_matrix_with_counts_that_link_to_browse(client):
    surgery = make_surgery()
    complication = make_complication()
    make_entry(figures=[make_figure(surgery=surgery, complications=[complication]) for _ in range(3)])
    html = client.get("/atlas/").content.decode()
    link = f"{reverse('atlas:browse')}?surgery={surgery.slug}&amp;complication={complication.slug}"
    assert link in html
    assert ">3</a>" in html


def test_browse_filters_combine_across_facets(client):
    mri, ct = make_modality("mri", "MRI"), make_modality("ct", "CT", category="ct")
    wanted = make_figure(title="Wanted MRI", modality=mri, days=1)
    make_figure(title="Other CT", modality=ct, days=1)
    make_figure(title="Late MRI", modality=mri, days=400)
    make_entry(figures=list(Figure.objects.all()))
    response = client.get(reverse("atlas:browse"), {"modality": "mri", "timing": "first-72-hours"})
    html = response.content.decode()
    assert response.status_code == 200
    assert wanted.title in html
    assert "Other CT" not in html and "Late MRI" not in html
    assert "1 figure matches" in html


def test_browse_ignores_unknown_values_with_a_visible_note(client):
    make_entry(figures=[make_figure()])
    response = client.get(reverse("atlas:browse"), {"modality": "<script>", "page": "abc", "zzz": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ignored unknown modality" in html
    assert "<script>" not in html
    assert "Ignored page" in html


def test_browse_past_the_last_page_shows_the_last_page(client):
    make_entry(figures=[make_figure()])
    response = client.get(reverse("atlas:browse"), {"page": "999"})
    assert response.status_code == 200
    assert "past the end" in response.content.decode()


def test_browse_answers_htmx_with_the_results_fragment_only(client):
    make_entry(figures=[make_figure()])
    response = client.get(reverse("atlas:browse"), {"modality": "mri"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<section id="figure-results"')
    assert "HX-Request" in response["Vary"]


def test_browse_refuses_post(client):
    assert client.post(reverse("atlas:browse")).status_code == 405


def test_search_finds_entries_and_figures(client):
    make_entry(figures=[make_figure(title="Dorsal collection figure")], title="Symptomatic haematoma")
    html = client.get(reverse("atlas:search"), {"q": "haematoma"}).content.decode()
    assert "Symptomatic haematoma" in html
    html = client.get(reverse("atlas:search"), {"q": "dorsal collection"}).content.decode()
    assert "Dorsal collection figure" in html


def test_search_shortens_an_overlong_query_without_failing(client):
    response = client.get(reverse("atlas:search"), {"q": "x" * 5000})
    assert response.status_code == 200
    assert "shortened" in response.content.decode()


def _warm(client, url):
    # The first request renders and stores the image renditions; later ones only read them.
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [10, 100])
def test_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    entries = make_atlas(size)
    urls = [
        "/atlas/",
        reverse("atlas:browse"),
        reverse("atlas:browse") + "?modality=mri&timing=over-12-months",
        entries[0].url,
    ]
    for url in urls:
        _warm(client, url)
    # The same ceiling at 10 and at 100 figures: no query per row.
    for url in urls:
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_a_history_restore_gets_the_whole_browse_page(client):
    make_entry(figures=[make_figure()])
    response = client.get(
        reverse("atlas:browse"),
        {"modality": "mri"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in response.content.decode()
