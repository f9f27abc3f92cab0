"""The case editor scores the graded workup samples live, in Wagtail's preview panel, as the author edits."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from learners.models import User
from tests.factories import make_quiz_case

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def case(transactional_db):
    case = make_quiz_case()
    case.workup_samples.create(kind="concordant", order="mri:now", band_low=90, band_high=100, sort_order=0)
    case.workup_samples.create(kind="inappropriate", order="xr:now", band_low=0, band_high=20, sort_order=1)
    case.save_revision().publish()
    return case


def edit_and_expect(page, frame, fields: dict, outside: int) -> None:
    """Type into the editor, wait for Wagtail's live preview to post the form, then for the re-scored table.

    On a loaded machine the panel's own reload can lag the post: switching the mode reloads the frame from the
    data just posted (still unsaved), which is what an author would see a moment later.
    """
    with page.expect_response(
        lambda r: "/edit/preview/" in r.url and r.request.method == "POST", timeout=30_000
    ):
        for name, value in fields.items():
            page.fill(f"input[name='{name}']", value)
    try:
        expect(frame.locator("tr.sample.outside")).to_have_count(outside, timeout=10_000)
    except AssertionError:
        page.select_option("#id_preview_mode", "")
        page.select_option("#id_preview_mode", "samples")
        expect(frame.locator("tr.sample.outside")).to_have_count(outside, timeout=20_000)


def test_sample_scores_update_while_the_author_edits(live_server, page, case, shot):
    User.objects.create_superuser("boss", "boss@example.org", "pw-boss-123456")
    page.set_viewport_size({"width": 1500, "height": 1000})
    page.goto(live_server.url + "/cms/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "pw-boss-123456")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/cms/login/" not in url)

    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[case.pk]))
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("body.reading-room")).to_be_visible()  # the learner's view loads first
    page.select_option("#id_preview_mode", "samples")
    expect(frame.locator("tr.sample")).to_have_count(2)
    expect(frame.locator("tr.sample.inside")).to_have_count(2)

    # The author narrows the second sample's band: the panel re-scores the unsaved form without saving it.
    # (upper bound first, so that the form is valid at every keystroke and the panel keeps refreshing)
    edit_and_expect(page, frame, {"workup_samples-1-band_high": "40", "workup_samples-1-band_low": "30"}, 1)
    expect(frame.locator("tr.sample.outside")).to_contain_text("OUTSIDE its band")
    # ...and changing the order itself re-scores it too.
    edit_and_expect(page, frame, {"workup_samples-0-order": "xr:now"}, 2)
    shot(page, "workup-samples-live")
    assert case.workup_samples.get(sort_order=1).band_low == 0  # nothing saved by previewing
