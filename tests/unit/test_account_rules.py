"""Pure account rules: when a chosen name clashes with a colleague's, and how long an idle session lasts."""

import ast
from pathlib import Path

import pytest

from learners import names, session_policy
from learners.names import name_clashes, name_key
from learners.session_policy import (
    REMEMBER_ME_SECONDS,
    RESIDENT_IDLE_SECONDS,
    STAFF_IDLE_SECONDS,
    idle_timeout,
    is_idle_too_long,
)


@pytest.mark.parametrize("module", [names, session_policy])
def test_the_account_rule_modules_import_no_django(module):
    tree = ast.parse(Path(module.__file__).read_text())
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m.split(".")[0] in ("django", "wagtail")}


def test_name_keys_ignore_case_spacing_and_compatibility_forms():
    assert name_key("  Ada   LOVELACE ") == name_key("ada lovelace")
    assert name_key("Ａｄａ Ｌｏｖｅｌａｃｅ") == name_key("Ada Lovelace")  # full-width letters
    assert name_key("Straße") == name_key("STRASSE")


def test_a_name_clashes_with_any_colleagues_name_or_pseudonym():
    others = ["Ada Lovelace", "alice", "Night Owl", ""]
    assert name_clashes("ada lovelace", others)
    assert name_clashes("NIGHT  owl", others)
    assert not name_clashes("Night Owl 2", others)


def test_a_blank_name_never_clashes():
    assert not name_clashes("   ", ["", " "])


def test_staff_time_out_after_eight_idle_hours_even_if_remembered():
    assert STAFF_IDLE_SECONDS == 8 * 3600
    assert idle_timeout(is_staff=True, remember_me=True) == STAFF_IDLE_SECONDS
    assert idle_timeout(is_staff=True, remember_me=False) == STAFF_IDLE_SECONDS


def test_residents_get_a_shorter_default_and_two_weeks_if_remembered():
    assert idle_timeout(is_staff=False, remember_me=False) == RESIDENT_IDLE_SECONDS == 12 * 3600
    assert idle_timeout(is_staff=False, remember_me=True) == REMEMBER_ME_SECONDS == 14 * 24 * 3600


def test_idleness_is_measured_from_the_last_activity():
    assert not is_idle_too_long(last_activity=1000, now=1000 + 3600, timeout=3600)
    assert is_idle_too_long(last_activity=1000, now=1000 + 3601, timeout=3600)
    assert not is_idle_too_long(last_activity=None, now=1000, timeout=3600)
