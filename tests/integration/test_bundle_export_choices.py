"""Bundle export: only pages the exporter may edit, and drafts and answer keys only by explicit choice.

Personas: fiona (faculty, may edit every page), oscar (given the export permission but no page rights).
"""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from bundles.export import bundle_export
from bundles.validation import BundleError
from tests.factories import make_entry, make_figure, make_quiz_case

pytestmark = pytest.mark.django_db


def manifest_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read("manifest.json"))


@pytest.fixture
def exporter(personas):
    export = Permission.objects.get(codename="export_bundle")
    for name in ("fiona", "oscar"):
        personas[name].user_permissions.add(export)
    personas["oscar"].user_permissions.add(Permission.objects.get(codename="access_admin"))
    return personas


def test_an_exporter_without_page_rights_cannot_export_a_page(client, exporter):
    entry = make_entry(figures=[make_figure()])
    client.force_login(exporter["oscar"])
    response = client.get(reverse("bundles:export"), {"page": entry.pk})
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/zip"


def test_an_exporter_without_page_rights_gets_nothing_from_export_all(client, exporter):
    make_entry(figures=[make_figure()])
    client.force_login(exporter["oscar"])
    response = client.get(reverse("bundles:export"))
    assert response.status_code == 200
    assert manifest_of(response.content)["atlas_entries"] == []


def test_a_case_is_refused_without_the_answer_keys_choice(client, exporter):
    case = make_quiz_case()
    client.force_login(exporter["fiona"])
    response = client.get(reverse("bundles:export"), {"page": case.pk})
    assert response.status_code == 400
    assert "Include answer keys" in response.content.decode()
    response = client.get(reverse("bundles:export"), {"page": case.pk, "include_answer_keys": "on"})
    assert response.status_code == 200
    assert manifest_of(response.content)["quiz_cases"][0]["findings"]


def test_export_all_leaves_answer_keys_out_by_default(client, exporter):
    make_quiz_case()
    client.force_login(exporter["fiona"])
    manifest = manifest_of(client.get(reverse("bundles:export")).content)
    assert manifest["quiz_cases"] == [] and manifest["quiz_modules"] == []


def test_a_draft_page_is_refused_without_the_drafts_choice(client, exporter):
    entry = make_entry(figures=[make_figure()])
    entry.unpublish()
    client.force_login(exporter["fiona"])
    response = client.get(reverse("bundles:export"), {"page": entry.pk})
    assert response.status_code == 400
    assert "Include drafts" in response.content.decode()
    assert (
        client.get(reverse("bundles:export"), {"page": entry.pk, "include_drafts": "on"}).status_code == 200
    )


def test_a_draft_figure_leaves_only_with_the_drafts_choice():
    figure = make_figure(title="Unapproved figure")
    type(figure).objects.filter(pk=figure.pk).update(live=False)
    entry = make_entry(figures=[type(figure).objects.get(pk=figure.pk)])
    with pytest.raises(BundleError, match="Unapproved figure"):
        bundle_export(pages=[entry])
    assert manifest_of(bundle_export(pages=[entry], include_drafts=True))["figures"]


def test_a_live_page_exports_its_approved_version(exporter):
    entry = make_entry(figures=[make_figure()], title="Approved title")
    entry.title = "Unreviewed title"
    entry.save_revision()
    manifest = manifest_of(bundle_export(pages=[type(entry).objects.get(pk=entry.pk)]))
    assert manifest["atlas_entries"][0]["title"] == "Approved title"
