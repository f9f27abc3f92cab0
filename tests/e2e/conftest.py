"""Shared helpers for the browser tests: screenshots, keyboard-only focus moves and the data they read."""

import pytest

from tests.factories import make_entry, make_figure, make_image


@pytest.fixture
def shot(artifacts_dir):
    """Save a screenshot of the page's current state as artifacts/screenshots/<name>.png."""

    def save(page, name: str, *, full_page: bool = True) -> None:
        page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=full_page)

    return save


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, *, limit: int = 60, key: str = "Tab") -> None:
    """Press Tab (only the keyboard, as a learner without a mouse would) until `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        if focused_matches(page, selector):
            return
    active = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{selector} never took the focus after {limit} presses of {key}; focus on {active}")


@pytest.fixture
def annotated_entry(transactional_db):
    """A published atlas entry with one figure carrying an ellipse ("lesion") and an arrow ("pointer")."""
    figure = make_figure(title="Dorsal collection", caption="A dorsal collection compresses the sac.")
    # A larger image than the factory default so that the overlay and screenshots are legible.
    figure.image = make_image(width=640, height=480)
    figure.save()
    return make_entry(title="Epidural haematoma", figures=[figure])
