"""The figure edit page carries the annotation editor; its image endpoint answers admins only."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from learners.models import User
from tests.factories import make_figure, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    client.force_login(user)
    return client


def test_the_figure_edit_page_includes_the_editor_and_its_textarea(editor_client):
    figure = make_figure()
    response = editor_client.get(reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "js/annotation-editor.js" in html
    assert "css/annotation-editor.css" in html
    assert "data-annotation-editor" in html
    assert 'data-image-field="image"' in html
    assert '<textarea name="annotations"' in html
    assert "&quot;lesion&quot;" in html


def test_the_image_info_gives_the_original_size_and_a_rendition(editor_client):
    image = make_image(width=640, height=480)
    response = editor_client.get(reverse("atlas_figure_image_info", args=[image.pk]))
    assert response.status_code == 200
    data = response.json()
    assert (data["width"], data["height"]) == (640, 480)
    assert data["url"].startswith("/media/images/")


def test_the_image_info_is_a_404_for_an_unknown_image(editor_client):
    response = editor_client.get(reverse("atlas_figure_image_info", args=[999999]))
    assert response.status_code == 404


def test_the_image_info_refuses_anonymous_visitors(client):
    image = make_image()
    response = client.get(reverse("atlas_figure_image_info", args=[image.pk]))
    assert response.status_code == 302
    assert "/cms/login/" in response["Location"]
    assert "width" not in response.content.decode()


def test_the_image_info_refuses_users_without_admin_access(client):
    user = User.objects.create_user("outsider", "outsider@example.org", "pw-outsider-123")
    client.force_login(user)
    image = make_image()
    response = client.get(reverse("atlas_figure_image_info", args=[image.pk]))
    assert response.status_code in (302, 403)
    assert "width" not in response.content.decode()


def test_the_image_info_refuses_admin_users_who_cannot_choose_images(client):
    user = User.objects.create_user("clerk", "clerk@example.org", "pw-clerk-123")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    image = make_image()
    response = client.get(reverse("atlas_figure_image_info", args=[image.pk]))
    assert response.status_code == 403
