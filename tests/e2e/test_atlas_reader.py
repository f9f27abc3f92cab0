"""Reading the atlas in a real Chromium: the annotation overlay, label highlighting, the enlarged view,
browse facets with and without JavaScript, and layouts from phone to desktop."""

import re

import pytest
from playwright.sync_api import expect

from atlas.models import AtlasEntryPage
from tests.factories import make_atlas

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def overlay_scale(page) -> float:
    transform = page.locator(".figure-dialog__content").evaluate("el => el.style.transform")
    return float(re.search(r"scale\(([\d.]+)\)", transform).group(1))


def test_annotations_toggle_by_button_and_by_the_a_key(live_server, page, shot, annotated_entry):
    page.goto(live_server.url + annotated_entry.url)
    figure = page.locator("figure[data-annotated-figure]")
    overlay = figure.locator("svg.figure-overlay")
    toggle = figure.locator("[data-action=toggle-annotations]")
    expect(overlay).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    shot(page, "atlas-annotations-on")

    toggle.click()
    expect(figure).to_have_class(re.compile(r"\bannotations-hidden\b"))
    expect(overlay).to_be_hidden()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    shot(page, "atlas-annotations-off")

    page.keyboard.press("a")
    expect(figure).not_to_have_class(re.compile(r"\bannotations-hidden\b"))
    expect(overlay).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "true")


def test_a_label_highlights_its_shape_on_hover_and_on_focus(live_server, page, shot, annotated_entry):
    page.goto(live_server.url + annotated_entry.url)
    lesion_label = page.locator("button[data-shape-ref=lesion]")
    pointer_label = page.locator("button[data-shape-ref=pointer]")
    lesion = page.locator("g[data-shape-id=lesion]")
    pointer = page.locator("g[data-shape-id=pointer]")
    highlighted = re.compile(r"\bis-highlighted\b")

    lesion_label.hover()
    expect(lesion).to_have_class(highlighted)
    expect(pointer).not_to_have_class(highlighted)
    shot(page, "atlas-label-hover")
    page.mouse.move(0, 0)
    expect(lesion).not_to_have_class(highlighted)

    lesion_label.focus()
    expect(lesion).to_have_class(highlighted)
    page.keyboard.press("Tab")  # blurs the lesion's label and focuses the pointer's
    expect(pointer_label).to_be_focused()
    expect(lesion).not_to_have_class(highlighted)
    expect(pointer).to_have_class(highlighted)
    shot(page, "atlas-label-focus")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back past both labels to the toggle
    expect(lesion).not_to_have_class(highlighted)
    expect(pointer).not_to_have_class(highlighted)


def test_the_enlarged_view_zooms_and_closes_with_escape(live_server, page, shot, annotated_entry):
    page.goto(live_server.url + annotated_entry.url)
    enlarge = page.locator("[data-action=enlarge]")
    enlarge.click()
    dialog = page.get_by_role("dialog", name="Enlarged figure")
    expect(dialog).to_be_visible()
    expect(dialog.locator("svg.figure-overlay")).to_have_count(1)
    fitted = overlay_scale(page)
    shot(page, "atlas-enlarged-fit", full_page=False)

    dialog.get_by_role("button", name="Zoom in").click()
    zoomed = overlay_scale(page)
    assert zoomed == pytest.approx(fitted * 1.4, rel=0.01)
    shot(page, "atlas-enlarged-zoomed", full_page=False)

    # The viewer's button promises the A key: it must hide the enlarged copy of the overlay too.
    page.keyboard.press("a")
    expect(dialog.locator("svg.figure-overlay")).to_be_hidden()
    expect(dialog.locator("[data-viewer-toggle]")).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("a")
    expect(dialog.locator("svg.figure-overlay")).to_be_visible()

    page.keyboard.press("Escape")
    expect(page.locator(".figure-dialog")).to_have_count(0)
    expect(enlarge).to_be_focused()


def test_browse_facets_filter_in_place_and_keep_the_url(live_server, page, shot):
    make_atlas(8, figures_per_entry=4)  # modalities alternate: 4 MRI figures, 4 CT figures
    page.goto(live_server.url + "/atlas/browse/")
    heading = page.locator("#results-heading")
    expect(heading).to_have_text("8 figures")
    page.evaluate("window.__marker = 1")

    page.locator("input[name=modality][value=ct]").check()
    expect(page).to_have_url(re.compile(r"/atlas/browse/\?modality=ct$"))
    expect(heading).to_have_text(re.compile(r"^4 figures match"))
    expect(page.locator("#figure-results .figure-card")).to_have_count(4)
    assert page.evaluate("window.__marker") == 1, "the filter reloaded the whole page"
    shot(page, "browse-filtered-htmx")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/atlas/browse/$"))
    expect(heading).to_have_text("8 figures")
    expect(page.locator("input[name=modality][value=ct]")).not_to_be_checked()
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/atlas/browse/\?modality=ct$"))
    expect(heading).to_have_text(re.compile(r"^4 figures match"))
    expect(page.locator("input[name=modality][value=ct]")).to_be_checked()
    shot(page, "browse-forward-from-history")

    page.goto(live_server.url + "/atlas/browse/?modality=ct")
    page.reload()
    expect(heading).to_have_text(re.compile(r"^4 figures match"))
    expect(page.locator("input[name=modality][value=ct]")).to_be_checked()
    expect(page.locator("input[name=modality][value=mri]")).not_to_be_checked()


def test_browse_back_button_works_when_htmx_history_cache_misses(live_server, page, shot):
    make_atlas(8, figures_per_entry=4)
    page.goto(live_server.url + "/atlas/browse/")
    page.locator("input[name=modality][value=ct]").check()
    expect(page).to_have_url(re.compile(r"\?modality=ct$"))
    # htmx keeps 10 pages per tab in sessionStorage; older ones (or a dropped cache) make it ask the server.
    page.evaluate("sessionStorage.removeItem('htmx-history-cache')")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/atlas/browse/$"))
    expect(page.locator("#results-heading")).to_have_text("8 figures")
    shot(page, "browse-back-after-cache-miss")
    expect(page.locator("form#facets")).to_be_visible(timeout=1000)
    expect(page.locator("header.site-header")).to_be_visible(timeout=1000)


def test_browse_facets_filter_without_javascript(live_server, browser, shot):
    make_atlas(8, figures_per_entry=4)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/atlas/browse/")
        page.locator("input[name=modality][value=mri]").check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile(r"/atlas/browse/\?modality=mri$"))
        expect(page.locator("#results-heading")).to_have_text(re.compile(r"^4 figures match"))
        expect(page.locator("input[name=modality][value=mri]")).to_be_checked()
        shot(page, "browse-filtered-no-js")
    finally:
        context.close()


def test_demo_entry_pages_fit_phone_and_desktop_widths(live_server, page, shot):
    from core.demo import DemoLoader

    DemoLoader().load()
    entries = sorted(
        AtlasEntryPage.objects.live(), key=lambda e: (len(e.entry_figures.all()), len(e.scenarios.all()))
    )
    richest = entries[-1]
    for name, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(live_server.url + richest.url)
        expect(page.locator("figure[data-annotated-figure]").first).to_be_visible()
        overflow = page.evaluate("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
        shot(page, f"atlas-demo-entry-{name}")
        assert overflow["scroll"] <= overflow["inner"] + 1, (
            f"{richest.slug} overflows at {width}px: {overflow}"
        )
