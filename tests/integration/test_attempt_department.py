"""An attempt records the learner's department, which quizzes asks of learners without importing it."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.factories import make_quiz_case

pytestmark = pytest.mark.django_db


def start_attempt(client, user):
    client.force_login(user)
    case = make_quiz_case()
    page = client.get(case.url).content.decode()
    public_id = re.search(r'name="attempt" value="([0-9a-f-]{36})"', page).group(1)
    data = {"attempt": public_id, "modality": ["mri"], "timing-mri": "now"}
    client.post(reverse("quizzes:submit-workup", args=[case.pk]), data)
    return Attempt.objects.get(public_id=public_id)


def test_an_attempt_records_the_learners_department(client, personas):
    assert start_attempt(client, personas["bob"]).department == personas["dept_b"]


def test_an_attempt_of_a_learner_in_no_department_has_none(client, personas):
    assert start_attempt(client, personas["oscar"]).department is None
