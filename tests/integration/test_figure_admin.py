"""Faculty edit figures in the Wagtail admin: bad annotations are refused, nothing saved is lost."""

import json

import pytest
from django.urls import reverse

from atlas.models import Figure
from learners.models import User
from tests.factories import make_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    client.force_login(user)
    return client


def _form_data(figure, annotations):
    return {
        "title": figure.title,
        "slug": figure.slug,
        "image": figure.image_id,
        "modality": figure.modality_id,
        "plane": figure.plane,
        "sequence": figure.sequence,
        "days_since_surgery": figure.days_since_surgery,
        "surgery": figure.surgery_id,
        "complications": [c.pk for c in figure.complications.all()],
        "caption": "A changed caption that must not be saved",
        "alt_text": figure.alt_text,
        "annotations": annotations if isinstance(annotations, str) else json.dumps(annotations),
    }


def test_out_of_range_shape_is_refused_naming_the_shape_and_nothing_is_lost(editor_client):
    figure = make_figure()
    before = figure.annotations
    bad = [
        {
            "id": "haematoma",
            "kind": "ellipse",
            "label": "Haematoma",
            "center": [1.7, 0.5],
            "radius": [0.1, 0.1],
        }
    ]
    url = reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk])
    response = editor_client.post(url, _form_data(figure, bad))
    html = response.content.decode()
    assert response.status_code == 200
    assert "shape 1 &quot;haematoma&quot;" in html or 'shape 1 "haematoma"' in html
    assert "outside the image" in html
    figure.refresh_from_db()
    assert figure.annotations == before
    assert figure.caption == "A caption."


def test_text_that_is_not_json_is_refused(editor_client):
    figure = make_figure()
    url = reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk])
    response = editor_client.post(url, _form_data(figure, "[{oops"))
    assert response.status_code == 200
    assert "Enter a valid JSON" in response.content.decode()
    figure.refresh_from_db()
    assert figure.caption == "A caption."


def test_valid_annotations_are_saved_clean(editor_client):
    figure = make_figure()
    shapes = [{"id": "root", "kind": "point", "label": "  L5 root ", "at": [0.25, 0.75]}]
    url = reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk])
    response = editor_client.post(url, _form_data(figure, shapes))
    assert response.status_code == 302
    # A live figure's edit waits in a draft revision for peer review (test_figure_review.py).
    draft = Figure.objects.get(pk=figure.pk).get_latest_revision_as_object()
    assert draft.annotations == [
        {"id": "root", "kind": "point", "label": "L5 root", "note": "", "at": [0.25, 0.75]}
    ]


def test_a_figure_needs_alt_text():
    figure = make_figure()
    figure.alt_text = "   "
    with pytest.raises(Exception, match="Describe the image"):
        figure.full_clean()


def test_anonymous_visitors_cannot_reach_the_figure_editor(client):
    figure = make_figure()
    response = client.get(reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk]))
    assert response.status_code == 302
    assert "/cms/login/" in response["Location"]
    assert Figure.objects.get(pk=figure.pk).caption == "A caption."
