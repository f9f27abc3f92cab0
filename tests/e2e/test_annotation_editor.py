"""Faculty draw a figure's annotations with the mouse in the admin; the reader shows exactly those shapes."""

import json

import pytest
from django.urls import reverse

from atlas.models import Figure
from imaging.annotations import svg_geometry
from learners.models import User
from tests.factories import make_entry, make_figure, make_image

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TOLERANCE = 0.006  # a few screen pixels at the editor's display size, in fractions of the image
IMAGE_WIDTH, IMAGE_HEIGHT = 800, 600


@pytest.fixture
def figure(transactional_db):
    figure = make_figure(annotations=[])
    figure.image = make_image(width=IMAGE_WIDTH, height=IMAGE_HEIGHT)
    figure.save()
    return figure


@pytest.fixture
def admin_page(live_server, page):
    User.objects.create_superuser("faculty", "faculty@example.org", "pw-faculty-123")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(live_server.url + "/cms/login/")
    page.fill("#id_username", "faculty")
    page.fill("#id_password", "pw-faculty-123")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/cms/login/" not in url)
    return page


class Editor:
    """Drives the editor with the mouse and the keyboard; positions are fractions of the displayed image."""

    def __init__(self, page, live_server, figure):
        self.page = page
        self.url = live_server.url + reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk])

    def open(self):
        self.page.goto(self.url)
        self.page.wait_for_selector(".annotation-editor.is-ready")
        self.page.locator(".ae-stage").scroll_into_view_if_needed()
        return self

    def xy(self, x, y):
        box = self.page.locator(".ae-svg").bounding_box()
        return box["x"] + x * box["width"], box["y"] + y * box["height"]

    def key(self, key):
        self.page.keyboard.press(key)

    def focus_stage(self):
        self.page.locator(".ae-stage").focus()

    def drag(self, start, end):
        mouse = self.page.mouse
        mouse.move(*self.xy(*start))
        mouse.down()
        mouse.move(*self.xy(*end), steps=6)
        mouse.up()

    def click(self, x, y):
        self.page.mouse.click(*self.xy(x, y))

    def label(self, text):
        label = self.page.locator(".ae-inspector input[data-field=label]")
        assert label.evaluate("el => el === document.activeElement")
        self.page.keyboard.type(text)
        self.key("Enter")

    def shapes(self):
        return json.loads(self.page.locator("textarea[name=annotations]").input_value())

    def save(self):
        self.page.locator("button[type=submit]", has_text="Save").first.click()
        self.page.wait_for_load_state()


def near(actual, expected):
    return all(abs(a - e) <= TOLERANCE for a, e in zip(actual, expected, strict=True))


def draw_one_of_each(editor):
    editor.focus_stage()
    editor.key("a")
    editor.drag((0.2, 0.2), (0.4, 0.35))
    editor.label("Screw tip")
    editor.key("e")
    editor.drag((0.5, 0.5), (0.7, 0.6))
    editor.label("Epidural haematoma")
    editor.key("p")
    editor.click(0.1, 0.6)
    editor.click(0.3, 0.6)
    editor.click(0.3, 0.8)
    editor.page.mouse.dblclick(*editor.xy(0.1, 0.8))
    editor.label("Seroma")
    editor.key("o")
    editor.click(0.8, 0.2)
    editor.label("L5 root")


def test_shapes_drawn_with_the_mouse_are_saved_and_drawn_the_same_by_the_reader(
    admin_page, live_server, figure, artifacts_dir
):
    entry = make_entry(figures=[figure])
    editor = Editor(admin_page, live_server, figure).open()

    draw_one_of_each(editor)
    editor.page.locator(".ae-item").nth(1).click()
    editor.page.locator(".annotation-editor").screenshot(path=str(artifacts_dir / "annotation-editor.png"))
    editor.page.screenshot(path=str(artifacts_dir / "annotation-editor-page.png"), full_page=True)
    editor.save()

    stored = Figure.objects.get(pk=figure.pk).get_latest_revision_as_object().annotations  # draft for review
    assert [(s["kind"], s["id"], s["label"]) for s in stored] == [
        ("arrow", "screw-tip", "Screw tip"),
        ("ellipse", "epidural-haematoma", "Epidural haematoma"),
        ("polygon", "seroma", "Seroma"),
        ("point", "l5-root", "L5 root"),
    ]
    arrow, ellipse, polygon, point = stored
    assert near(arrow["from"], [0.2, 0.2]) and near(arrow["to"], [0.4, 0.35])
    assert near(ellipse["center"], [0.6, 0.55]) and near(ellipse["radius"], [0.1, 0.05])
    assert len(polygon["points"]) == 4
    for drawn, expected in zip(
        polygon["points"], [[0.1, 0.6], [0.3, 0.6], [0.3, 0.8], [0.1, 0.8]], strict=True
    ):
        assert near(drawn, expected)
    assert near(point["at"], [0.8, 0.2])

    editor.open()
    assert editor.page.locator(".ae-item").count() == 4
    assert editor.page.locator(".ae-shapes .ae-shape").count() == 4
    assert editor.shapes() == stored

    # The reader sees the shapes once peer review approves the draft (the approval publishes it).
    Figure.objects.get(pk=figure.pk).get_latest_revision().publish()
    editor.page.goto(live_server.url + entry.url)
    overlay = editor.page.locator("svg.figure-overlay")
    assert overlay.get_attribute("viewBox") == f"0 0 {IMAGE_WIDTH} {IMAGE_HEIGHT}"
    drawn = overlay.locator("g.shape")
    assert drawn.evaluate_all("gs => gs.map(g => g.dataset.shapeId)") == [s["id"] for s in stored]
    for index, shape in enumerate(stored):
        expected = svg_geometry(shape, IMAGE_WIDTH, IMAGE_HEIGHT)
        element = drawn.nth(index).locator("ellipse, polygon, line, circle").first
        for name, value in expected.items():
            attribute = element.get_attribute(name)
            if name == "points":
                assert attribute == value
            else:
                assert float(attribute) == pytest.approx(value), (shape["id"], name)
    editor.page.locator(f"#figure-{figure.slug}").screenshot(
        path=str(artifacts_dir / "annotation-reader.png")
    )


def test_undo_removes_the_last_shape_and_redo_brings_it_back(admin_page, live_server, figure):
    editor = Editor(admin_page, live_server, figure).open()
    editor.focus_stage()
    editor.key("o")
    editor.click(0.5, 0.5)
    editor.label("Pedicle")
    editor.key("a")
    editor.drag((0.1, 0.1), (0.3, 0.3))
    editor.key("Escape")
    assert [s["kind"] for s in editor.shapes()] == ["point", "arrow"]

    editor.key("Control+z")
    assert [s["kind"] for s in editor.shapes()] == ["point"]
    editor.key("Control+Shift+z")
    assert [s["kind"] for s in editor.shapes()] == ["point", "arrow"]
    editor.key("Control+z")
    editor.save()

    saved = Figure.objects.get(pk=figure.pk).get_latest_revision_as_object()  # the draft awaiting review
    assert [s["id"] for s in saved.annotations] == ["pedicle"]


def test_shapes_can_be_moved_resized_nudged_and_deleted(admin_page, live_server, figure):
    editor = Editor(admin_page, live_server, figure).open()
    editor.focus_stage()
    editor.key("e")
    editor.drag((0.4, 0.4), (0.6, 0.5))
    editor.label("Collection")
    editor.key("v")
    editor.drag((0.5, 0.45), (0.6, 0.55))
    ellipse = editor.shapes()[0]
    assert near(ellipse["center"], [0.6, 0.55]) and near(ellipse["radius"], [0.1, 0.05])

    editor.drag((0.7, 0.55), (0.8, 0.55))
    assert near(editor.shapes()[0]["radius"], [0.2, 0.05])

    before = editor.shapes()[0]["center"]
    editor.key("Shift+ArrowRight")
    after = editor.shapes()[0]["center"]
    assert after[0] > before[0] and after[1] == before[1]

    editor.key("e")
    editor.drag((0.1, 0.1), (0.2, 0.2))
    editor.label("Collection")
    assert [s["id"] for s in editor.shapes()] == ["collection", "collection-2"]

    editor.key("Delete")
    assert [s["id"] for s in editor.shapes()] == ["collection"]


def test_zoom_keeps_drawing_in_image_coordinates(admin_page, live_server, figure):
    editor = Editor(admin_page, live_server, figure).open()
    editor.focus_stage()
    editor.key("+")
    editor.key("+")
    assert editor.page.locator(".ae-zoom-label").text_content() == "225%"
    editor.key("o")
    editor.click(0.5, 0.5)
    editor.label("Small finding")
    assert near(editor.shapes()[0]["at"], [0.5, 0.5])
    editor.key("0")
    assert editor.page.locator(".ae-zoom-label").text_content() == "100%"


def test_invalid_shapes_typed_into_the_json_are_refused_naming_the_shape(admin_page, live_server, figure):
    editor = Editor(admin_page, live_server, figure).open()
    bad = [{"id": "bad-point", "kind": "point", "label": "Bad", "note": "", "at": [1.5, 0.5]}]
    editor.page.locator("textarea[name=annotations]").evaluate(
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        json.dumps(bad),
    )
    assert editor.page.locator(".ae-item").count() == 1
    editor.save()

    body = editor.page.locator("body").inner_text()
    assert 'shape 1 "bad-point"' in body
    assert "outside the image" in body
    assert Figure.objects.get(pk=figure.pk).annotations == []
