"""Answer keys that cannot be looked up (issue 14): quiz images untraceable to labelled atlas content, and no
full answer key for anonymous visitors outside the open sample module."""

import hashlib
import os
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from atlas.models import AtlasImage, AtlasRendition
from learners.models import User
from quizzes.models import Attempt, CaseImage
from tests.factories import make_entry, make_figure, make_quiz_case

pytestmark = pytest.mark.django_db

URL_ATTRIBUTE = re.compile(r'(?:src|srcset|href|data-[a-z-]+)="([^"]*)"')


def image_urls(html: str) -> set[str]:
    urls = set()
    for value in URL_ATTRIBUTE.findall(html):
        for candidate in value.split(","):
            url = candidate.strip().split(" ")[0]
            if re.search(r"\.(png|webp|avif|jpe?g|gif)$", url):
                urls.add(url)
    return urls


def file_stem(url: str) -> str:
    """A rendition's name starts with its original's name: 'images/ab12.width-480.format-webp.webp'."""
    return os.path.basename(url).split(".")[0]


def attempt_id(html: str) -> str:
    return re.search(r'name="attempt" value="([0-9a-f-]{36})"', html).group(1)


def workup(client, case, attempt, **choices):
    data = {"attempt": attempt, "modality": list(choices)}
    data.update({f"timing-{slug}": when for slug, when in choices.items()})
    return client.post(reverse("quizzes:submit-workup", args=[case.pk]), data)


def interpret(client, case, attempt):
    return client.post(
        reverse("quizzes:submit-interpretation", args=[case.pk]),
        {
            "attempt": attempt,
            "findings": ["collection", "compression"],
            "diagnosis": "epidural-haematoma",
            "confidence": "high",
            "next_step": "emergency_surgery",
            "point_x": "0.5",
            "point_y": "0.5",
        },
    )


def play_to_interpretation(client, case) -> tuple[str, str]:
    attempt = attempt_id(client.get(case.url).content.decode())
    assert workup(client, case, attempt, mri="now", ct="now").status_code == 302
    html = client.get(case.url).content.decode()
    assert "Your interpretation" in html
    return attempt, html


def public_pages(client, entries) -> dict[str, str]:
    urls = ["/atlas/", reverse("atlas:browse"), *(e.url for e in entries)]
    urls += [reverse("atlas:search") + f"?q={q}" for q in ("secret", "haematoma", "figure", "caption", "ct")]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


@pytest.fixture
def case():
    return make_quiz_case()


@pytest.fixture
def entry(case):
    """The atlas teaches with the case's figures too, as the demo atlas does."""
    figures = [link.figure for link in case.case_images.all()]
    figures.append(make_figure(title="Atlas-only figure", caption="Taught in the atlas, never quizzed."))
    return make_entry(title="Epidural haematoma", figures=figures)


@pytest.fixture
def alice(client):
    user = User.objects.create_user("alice", "alice@example.org", "pw-alice-123")
    client.force_login(user)
    return user


def open_sample(case):
    module = case.get_parent().specific
    module.is_open_sample = True
    module.save_revision().publish()
    return module


# Quiz images cannot be matched to labelled atlas content ------------------------------------------------


@pytest.mark.parametrize("shown_in_atlas", [False, True])
def test_no_image_of_the_quiz_step_appears_on_any_public_page(client, alice, case, entry, shown_in_atlas):
    CaseImage.objects.filter(case=case).update(show_in_atlas=shown_in_atlas)
    attempt, html = play_to_interpretation(client, case)
    quiz_urls = image_urls(html)
    assert len(quiz_urls) >= 2, "the interpretation step shows the case's images"
    stems = {file_stem(u) for u in quiz_urls}
    visitor = Client()
    pages = public_pages(visitor, [entry])
    interpret(client, case, attempt)
    # Even after feedback, with the author's leave to show the figures, the atlas shows its own files.
    pages |= {f"{url} (alice, after feedback)": page for url, page in public_pages(client, [entry]).items()}
    assert "Atlas-only figure" in pages[entry.url] and image_urls(pages[entry.url])
    for url, page in pages.items():
        for stem in stems:
            assert stem not in page, f"the quiz image {stem} can be looked up on {url}"


def test_the_quiz_step_names_no_caption_title_slug_or_lesion_of_its_figures(client, alice, case, entry):
    _, html = play_to_interpretation(client, case)
    for link in case.case_images.select_related("figure"):
        figure = link.figure
        for secret in (figure.title, figure.caption, figure.alt_text):
            assert secret not in html
        assert not re.search(rf"\b{re.escape(figure.slug)}\b", html), figure.slug
        source = figure.image.file.name
        assert file_stem(source) not in html, "the atlas image's own file name"
    lesion = case.target_figure.annotations[0]
    assert lesion["label"] not in html and f'"{lesion["id"]}"' not in html


def test_the_quiz_image_is_its_own_file_not_a_byte_copy_of_the_atlas_image(case):
    link = case.case_images.select_related("figure__image").first()
    source = link.figure.image
    copies = AtlasImage.objects.exclude(pk__in=[link.figure.image_id, case.target_figure.image_id]).filter(
        width=source.width, height=source.height, collection__name__icontains="quiz"
    )
    assert copies.exists(), "publishing the case made its quiz images"

    def digest(image):
        with image.open_file() as f:
            return hashlib.sha256(f.read()).hexdigest()

    assert digest(source) not in {digest(c) for c in copies}


def test_the_learners_request_makes_no_image_and_no_rendition(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    images, renditions = AtlasImage.objects.count(), AtlasRendition.objects.count()
    workup(client, case, attempt, mri="now", ct="now")
    assert "Your interpretation" in client.get(case.url).content.decode()
    interpret(client, case, attempt)
    assert "The images, annotated" in client.get(case.url).content.decode()
    assert (AtlasImage.objects.count(), AtlasRendition.objects.count()) == (images, renditions)


def test_the_backfill_command_remakes_missing_quiz_images(client, alice, case):
    AtlasImage.objects.filter(collection__name__icontains="quiz").delete()
    call_command("make_quiz_images", verbosity=0)
    _, html = play_to_interpretation(client, case)
    sources = {
        file_stem(link.figure.image.file.name) for link in case.case_images.select_related("figure__image")
    }
    stems = {file_stem(u) for u in image_urls(html)}
    assert stems and not stems & sources


def test_figures_used_only_by_cases_are_on_no_public_atlas_page(client, case):
    entry = make_entry(figures=[make_figure(title="Atlas-only figure")])
    pages = public_pages(client, [entry])
    assert "Atlas-only figure" in pages[reverse("atlas:browse")]
    for url, page in pages.items():
        assert "Secret haematoma figure title" not in page, url
        assert "Secret CT title" not in page, url


def test_a_case_figure_stays_out_of_the_atlas_unless_its_author_chose_to_show_it(client, alice, case, entry):
    attempt, _ = play_to_interpretation(client, case)
    interpret(client, case, attempt)
    for page in public_pages(client, [entry]).values():
        assert "Secret CT title" not in page, "the author did not choose to show it, even after feedback"


def test_a_chosen_case_figure_shows_in_the_atlas_only_after_the_learners_feedback(client, alice, case, entry):
    CaseImage.objects.filter(case=case).update(show_in_atlas=True)
    assert "Secret CT title" not in client.get(entry.url).content.decode()
    assert "Secret CT title" not in client.get(reverse("atlas:browse")).content.decode()
    attempt, _ = play_to_interpretation(client, case)
    interpret(client, case, attempt)
    assert "Secret CT title" in client.get(entry.url).content.decode()
    assert "Secret CT title" in client.get(reverse("atlas:browse")).content.decode()
    client.logout()
    assert "Secret CT title" not in client.get(entry.url).content.decode()
    bob = User.objects.create_user("bob", "bob@example.org", "pw-bob-12345")
    client.force_login(bob)
    assert "Secret CT title" not in client.get(reverse("atlas:browse")).content.decode()


# Anonymous visitors: one open sample module, and no counted attempt after feedback seen signed out -----------


def test_an_anonymous_visitor_gets_no_answer_key_outside_the_open_sample(client, case):
    response = client.get(case.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("learners:login") + "?next=" in html
    assert 'name="attempt"' not in html
    response = client.post(
        reverse("quizzes:submit-workup", args=[case.pk]),
        {"attempt": "0b7c6f7e-6f2c-4d6a-9f57-0d7e6a1d2b3c", "modality": ["mri"], "timing-mri": "now"},
    )
    assert response.status_code == 302 and reverse("learners:login") in response["Location"]
    assert "quiz_attempts" not in client.session
    response = interpret(client, case, "0b7c6f7e-6f2c-4d6a-9f57-0d7e6a1d2b3c")
    assert response.status_code == 302 and reverse("learners:login") in response["Location"]


def test_an_anonymous_visitor_plays_the_open_sample_module(client, case):
    open_sample(case)
    attempt, _ = play_to_interpretation(client, case)
    assert interpret(client, case, attempt).status_code == 302
    assert "Secret teaching point" in client.get(case.url).content.decode()
    assert not Attempt.objects.exists()


def test_feedback_seen_signed_out_makes_the_first_signed_in_attempt_practice(client, case):
    open_sample(case)
    attempt, _ = play_to_interpretation(client, case)
    interpret(client, case, attempt)
    User.objects.create_user("alice", "alice@example.org", "pw-alice-123")
    response = client.post(reverse("learners:login"), {"username": "alice", "password": "pw-alice-123"})
    assert response.status_code == 302
    page = client.get(case.url + "?practice=1").content.decode()
    assert "this go is practice" in page
    second = attempt_id(page)
    workup(client, case, second, mri="now")
    interpret(client, case, second)
    assert Attempt.objects.get(public_id=second).is_practice
    assert not Attempt.objects.filter(case=case, is_practice=False).exists()


def test_signing_in_twice_records_the_signed_out_feedback_once(client, case):
    open_sample(case)
    attempt, _ = play_to_interpretation(client, case)
    interpret(client, case, attempt)
    alice = User.objects.create_user("alice", "alice@example.org", "pw-alice-123")
    client.force_login(alice)
    client.force_login(alice)
    assert Attempt.objects.filter(learner=alice, case=case).count() == 1
