"""The slice viewer in a real browser: keys, wheel, slider and swipe move through the de-identified series."""

import re

import pytest
from playwright.sync_api import expect

from stacks.demo import synthetic_series_zip
from stacks.services import dicom_import
from tests.factories import make_modality

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def stack(transactional_db):
    make_modality("ct", "CT", category="ct", radiation_level=3)
    return dicom_import(
        path_or_file=synthetic_series_zip(n_slices=6), title="Synthetic CT", preset="bone"
    ).stack


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
