"""The slice viewer in a real browser: keys, wheel, slider and swipe move through the de-identified series."""

import re

import pytest
from playwright.sync_api import expect

from stacks.demo import synthetic_series_zip
from stacks.services import dicom_import
from tests.factories import make_entry, make_modality

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def stack(transactional_db):
    make_modality("ct", "CT", category="ct", radiation_level=3)
    result = dicom_import(path_or_file=synthetic_series_zip(n_slices=6), title="Synthetic CT", preset="bone")
    # /stacks/<slug>/ serves a stack once review approved it and its figure, and a live entry shows them.
    result.figure.get_latest_revision().publish()
    result.stack.get_latest_revision().publish()
    make_entry(figures=[type(result.figure).objects.get(pk=result.figure.pk)])
    return result.stack


def test_the_reader_scrolls_through_the_slices(live_server, page, stack, artifacts_dir):
    page.goto(f"{live_server.url}/stacks/{stack.slug}/")
    label = page.locator("[data-stack-label]")
    expect(label).to_have_text(re.compile(r"slice \d / 6"))
    start = int(re.search(r"slice (\d)", label.inner_text()).group(1))
    page.locator("[data-stack-frame]").focus()
    page.keyboard.press("ArrowDown")
    expect(label).to_have_text(f"slice {start + 1} / 6")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(label).to_have_text(f"slice {start - 1} / 6")
    page.locator("[data-stack-frame]").hover()
    page.mouse.wheel(0, 120)
    expect(label).not_to_have_text(f"slice {start - 1} / 6")
    page.locator("[data-stack-slider]").fill("6")
    expect(label).to_have_text("slice 6 / 6")
    src = page.locator("[data-stack-image]").get_attribute("src")
    assert src.endswith(".png") and "DOE" not in src
    page.screenshot(path=str(artifacts_dir / "stack-viewer.png"), full_page=True)


def test_faculty_import_a_series_in_the_admin_with_a_progress_bar(live_server, page, tmp_path, artifacts_dir):
    from learners.models import User

    make_modality("ct", "CT", category="ct", radiation_level=3)
    User.objects.create_superuser("importer", "importer@example.org", "pw-importer-123")
    archive = tmp_path / "series.zip"
    archive.write_bytes(synthetic_series_zip(n_slices=4).getvalue())
    page.goto(f"{live_server.url}/cms/login/")
    page.fill("input[name=username]", "importer")
    page.fill("input[name=password]", "pw-importer-123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cms/")
    page.goto(f"{live_server.url}/cms/stacks/import/")
    page.set_input_files("input[type=file]", str(archive))
    page.fill("input[name=title]", "Uploaded series")
    page.click("form[data-dicom-import-form] button[type=submit]")
    expect(page.locator("[data-upload-progress]")).to_be_visible()
    expect(page.get_by_text("Imported 4 de-identified slices")).to_be_visible(timeout=60_000)
    page.screenshot(path=str(artifacts_dir / "dicom-import-report.png"), full_page=True)
