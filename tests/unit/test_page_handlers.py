"""The registries through which a page finds its view or context, and quizzes the learner's department."""

import pytest

from pages_common import handlers
from quizzes import departments


class Page:
    pass


class CasePage(Page):
    pass


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(handlers, "_handlers", {})


def test_a_page_finds_the_handler_registered_for_its_class(empty_registry):
    handlers.page_handler_register(CasePage, "serve", len)
    assert handlers.page_handler(CasePage(), "serve") is len


def test_a_page_inherits_the_handler_of_its_base_class(empty_registry):
    handlers.page_handler_register(Page, "context", dict)
    assert handlers.page_handler(CasePage(), "context") is dict


def test_a_page_without_a_handler_says_which_is_missing(empty_registry):
    with pytest.raises(LookupError, match="'serve' handler for CasePage"):
        handlers.page_handler(CasePage(), "serve")


def test_no_department_is_recorded_when_no_app_keeps_departments(monkeypatch):
    monkeypatch.setattr(departments, "_department_id_for", None)
    assert departments.department_id_for(object()) is None


def test_the_registered_lookup_answers_for_the_user(monkeypatch):
    monkeypatch.setattr(departments, "_department_id_for", None)
    departments.department_lookup_register(lambda user: 7)
    assert departments.department_id_for(object()) == 7
