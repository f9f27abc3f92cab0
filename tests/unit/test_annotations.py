"""The annotation schema and geometry (imaging/annotations.py): pure, no database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imaging.annotations import (
    AnnotationError,
    Aspect,
    distance_to_shape,
    point_in_polygon,
    shape_anchor,
    svg_geometry,
    validate_annotations,
)

ELLIPSE = {
    "id": "haematoma",
    "kind": "ellipse",
    "label": "Haematoma",
    "center": [0.5, 0.5],
    "radius": [0.2, 0.1],
}
SQUARE = {
    "id": "box",
    "kind": "polygon",
    "label": "Box",
    "points": [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.4]],
}
ARROW = {"id": "arrow", "kind": "arrow", "label": "Root", "from": [0.1, 0.1], "to": [0.3, 0.3]}
POINT = {"id": "conus", "kind": "point", "label": "Conus", "at": [0.7, 0.2]}


def test_valid_shapes_come_back_clean_with_an_empty_note():
    clean = validate_annotations([ELLIPSE, SQUARE, ARROW, POINT])
    assert [s["id"] for s in clean] == ["haematoma", "box", "arrow", "conus"]
    assert all(s["note"] == "" for s in clean)


def test_empty_input_means_no_shapes():
    assert validate_annotations(None) == []
    assert validate_annotations([]) == []


def test_a_coordinate_outside_the_image_is_refused_naming_the_shape():
    bad = {**ELLIPSE, "center": [1.3, 0.5]}
    with pytest.raises(AnnotationError) as error:
        validate_annotations([bad])
    assert 'shape 1 "haematoma"' in str(error.value)
    assert "outside the image" in str(error.value)


def test_every_problem_is_reported_not_just_the_first():
    with pytest.raises(AnnotationError) as error:
        validate_annotations([{**ELLIPSE, "label": ""}, {**POINT, "at": "middle"}])
    assert len(error.value.problems) == 2
    assert "label is required" in error.value.problems[0]
    assert 'shape 2 "conus"' in error.value.problems[1]


def test_duplicate_ids_are_refused():
    with pytest.raises(AnnotationError, match="used twice"):
        validate_annotations([ELLIPSE, {**ELLIPSE, "center": [0.3, 0.3]}])


@pytest.mark.parametrize(
    "bad, message",
    [
        ({**ELLIPSE, "kind": "star"}, "kind must be one of"),
        ({**ELLIPSE, "id": "Bad Id!"}, "id must be"),
        ({**ELLIPSE, "radius": [0, 0.1]}, "greater than 0"),
        ({**SQUARE, "points": [[0.1, 0.1], [0.2, 0.2]]}, "between 3 and"),
        ({**SQUARE, "points": [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]]}, "no area"),
        ({**ARROW, "to": [0.1, 0.1]}, "same point"),
        ({**POINT, "at": [float("nan"), 0.2]}, "two numbers"),
        ({**POINT, "at": [True, 0.2]}, "two numbers"),
        ({**POINT, "colour": "red"}, "unknown field"),
        ("not a shape", "must be an object"),
    ],
)
def test_malformed_shapes_are_refused_with_a_reason(bad, message):
    with pytest.raises(AnnotationError, match=message):
        validate_annotations([bad])


def test_annotations_must_be_a_list():
    with pytest.raises(AnnotationError, match="must be a list"):
        validate_annotations({"id": "x"})


def test_point_inside_ellipse_has_zero_distance_and_outside_is_positive():
    assert distance_to_shape(ELLIPSE, 0.55, 0.52) == 0
    assert distance_to_shape(ELLIPSE, 0.75, 0.5) == pytest.approx(0.05, abs=1e-6)


def test_distance_respects_the_image_aspect_ratio():
    # On an image twice as tall as wide, 0.05 of the height is 0.1 of the width.
    point = {"id": "p", "kind": "point", "label": "P", "at": [0.5, 0.5]}
    assert distance_to_shape(point, 0.5, 0.55, Aspect(100, 200)) == pytest.approx(0.1)


def test_polygon_contains_its_centre_and_not_a_far_point():
    assert point_in_polygon(0.3, 0.3, SQUARE["points"])
    assert not point_in_polygon(0.9, 0.9, SQUARE["points"])
    assert distance_to_shape(SQUARE, 0.5, 0.3) == pytest.approx(0.1)


def test_arrow_counts_as_its_tip():
    assert distance_to_shape(ARROW, 0.3, 0.3) == 0
    assert shape_anchor(ARROW) == (0.3, 0.3)


def test_svg_geometry_is_in_pixels_of_the_original():
    assert svg_geometry(ELLIPSE, 800, 600) == {"cx": 400.0, "cy": 300.0, "rx": 160.0, "ry": 60.0}
    assert svg_geometry(SQUARE, 100, 100)["points"].startswith("20.0,20.0 40.0,20.0")


coordinate = st.floats(min_value=0, max_value=1, allow_nan=False)


@given(cx=coordinate, cy=coordinate, x=coordinate, y=coordinate)
def test_distance_is_never_negative_and_zero_at_the_centre(cx, cy, x, y):
    shape = {"id": "e", "kind": "ellipse", "label": "E", "center": [cx, cy], "radius": [0.1, 0.2]}
    assert distance_to_shape(shape, x, y) >= 0
    assert distance_to_shape(shape, cx, cy) == 0
