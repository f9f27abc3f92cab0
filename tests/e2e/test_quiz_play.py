"""Playing a quiz case in a real Chromium: by mouse, by keyboard alone, and with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import focused_matches, tab_to
from tests.factories import make_image, make_quiz_case

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TARGET_REGION = "Dorsal epidural space at L4–L5"


@pytest.fixture
def case():
    case = make_quiz_case()
    # A larger image than the factory default, so that clicks and screenshots are at a realistic size; the
    # target ellipse is centred at (0.5, 0.5) of whatever image the figure has.
    case.target_figure.image = make_image(width=640, height=480)
    case.target_figure.save()  # saving the figure remakes the case's quiz images from the new one
    # These tests play as a visitor who is not signed in: only the open sample module lets them.
    module = case.get_parent().specific
    module.is_open_sample = True
    module.save_revision().publish()
    return case


def step(page):
    return page.locator("#case-step")


def expect_full_marks_feedback(page) -> None:
    """The answers every test gives are the expert's, so each part and the total score 100."""
    expect(step(page)).to_have_attribute("data-step", "done")
    expect(page.locator(".score-part")).to_have_count(6)
    expect(page.locator(".score-part .part-score")).to_have_text(["100/100"] * 6)
    expect(page.locator(".total-score")).to_have_text("100")


def choose_option_by_keyboard(page, selector: str, label: str, *, limit: int = 15) -> None:
    """With a closed, focused <select>, press ArrowDown until the option with this label is selected."""
    assert focused_matches(page, selector)
    for _ in range(limit):
        if page.locator(selector).evaluate("s => s.selectedOptions[0].textContent.trim()") == label:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not reach “{label}” in {selector} with the arrow keys")


def choose_radio_by_keyboard(page, name: str, value: str, *, limit: int = 10) -> None:
    """Tab into a radio group, move with ArrowDown to the wanted radio, and select it with Space."""
    tab_to(page, f"input[type=radio][name={name}]")
    wanted = f"input[type=radio][name={name}][value={value}]"
    for _ in range(limit):
        if focused_matches(page, wanted):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.locator(wanted)).to_be_checked()


def test_a_case_played_with_the_mouse(live_server, page, shot, case):
    page.goto(live_server.url + case.url)
    page.evaluate("window.__marker = 1")
    shot(page, "quiz-mouse-1-workup")

    page.locator("input[data-modality=mri]").check()
    page.locator("select[name=timing-mri]").select_option("now")
    page.get_by_role("button", name="Request this imaging").click()
    expect(step(page)).to_have_attribute("data-step", "interpretation")
    assert page.evaluate("window.__marker") == 1, "the step reloaded the page instead of swapping in place"
    shot(page, "quiz-mouse-2-interpretation")

    image = page.locator("[data-pointing] img")
    expect(image).to_be_visible()
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 0.5, "y": box["height"] * 0.5})
    expect(page.locator(".point-marker")).to_be_visible()
    expect(page.locator("[data-point-status]")).to_have_text(re.compile(r"50% across and 50% down"))
    page.get_by_label("Dorsal epidural collection").check()
    page.get_by_label("Compression of the sac").check()
    page.get_by_label("Epidural haematoma").check()
    page.get_by_label("Sure", exact=True).check()
    page.get_by_label("Emergency surgery now").check()
    shot(page, "quiz-mouse-3-answered")

    page.get_by_role("button", name="Submit my interpretation").click()
    expect_full_marks_feedback(page)
    expect(page.locator(".score-part:has(#part-pointing) .reason")).to_have_text(
        "Your mark is on the lesion."
    )
    shot(page, "quiz-mouse-4-feedback")


def test_a_case_played_with_the_keyboard_alone(live_server, page, shot, case):
    page.goto(live_server.url + case.url)
    mri = page.locator("input[data-modality=mri]")

    tab_to(page, "input[data-modality=mri]")
    page.keyboard.press("Space")
    expect(mri).to_be_checked()
    page.keyboard.press("Tab")
    choose_option_by_keyboard(page, "select[name=timing-mri]", "Now")
    shot(page, "quiz-keyboard-1-workup")
    tab_to(page, ".workup-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(step(page)).to_have_attribute("data-step", "interpretation")
    # The focus follows the new step rather than falling back to the top of the page.
    expect(page.locator("#images-heading")).to_be_focused()
    shot(page, "quiz-keyboard-2-interpretation")

    tab_to(page, "#region", limit=3)
    choose_option_by_keyboard(page, "#region", TARGET_REGION)
    expect(page.locator("[data-point-status]")).to_have_text("Region chosen from the list.")
    for key in ("collection", "compression"):
        tab_to(page, f"input[name=findings][value={key}]")
        page.keyboard.press("Space")
        expect(page.locator(f"input[name=findings][value={key}]")).to_be_checked()
    choose_radio_by_keyboard(page, "diagnosis", "epidural-haematoma")
    choose_radio_by_keyboard(page, "confidence", "high")
    choose_radio_by_keyboard(page, "next_step", "emergency_surgery")
    shot(page, "quiz-keyboard-3-answered")
    tab_to(page, ".interpretation-form button[type=submit]")
    page.keyboard.press("Enter")

    expect_full_marks_feedback(page)
    expect(page.locator("#feedback-heading")).to_be_focused()
    expect(page.locator(".score-part:has(#part-pointing) .reason")).to_have_text(
        "You chose the region of the lesion."
    )
    shot(page, "quiz-keyboard-4-feedback")


def test_a_case_played_without_javascript(live_server, browser, shot, case):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + case.url)
        page.locator("input[data-modality=mri]").check()
        page.locator("select[name=timing-mri]").select_option("now")
        page.get_by_role("button", name="Request this imaging").click()
        expect(step(page)).to_have_attribute("data-step", "interpretation")
        expect(page).to_have_url(re.compile(re.escape(case.url) + "#case-step$"))
        shot(page, "quiz-no-js-1-interpretation")

        page.locator("#region").select_option(label=TARGET_REGION)
        page.get_by_label("Dorsal epidural collection").check()
        page.get_by_label("Compression of the sac").check()
        page.get_by_label("Epidural haematoma").check()
        page.get_by_label("Sure", exact=True).check()
        page.get_by_label("Emergency surgery now").check()
        page.get_by_role("button", name="Submit my interpretation").click()

        expect_full_marks_feedback(page)
        shot(page, "quiz-no-js-2-feedback")
    finally:
        context.close()
