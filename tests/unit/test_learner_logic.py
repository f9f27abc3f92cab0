"""Ranking, periods, charts and review scheduling: pure modules of learners/."""

from datetime import UTC, datetime, timedelta

from learners import charts, periods, ranking, review

T0 = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def standing(i, score, cases=1, minutes=0, display="name"):
    return ranking.Standing(i, score, cases, T0 + timedelta(minutes=minutes), f"R{i}", display, f"p{i}")


def test_hidden_residents_show_as_anonymised_except_to_faculty_and_themselves():
    hidden = standing(1, 10, display="hidden")
    pseudo = standing(2, 10, display="pseudonym")
    assert hidden.shown_name(viewer_is_faculty=False, viewer_id=9) == "anonymised"
    assert hidden.shown_name(viewer_is_faculty=True, viewer_id=9) == "R1"
    assert hidden.shown_name(viewer_is_faculty=False, viewer_id=1) == "R1"
    assert pseudo.shown_name(viewer_is_faculty=False, viewer_id=9) == "p2"


def test_a_board_with_fewer_than_three_visible_residents_is_not_shown_to_residents():
    assert not ranking.board_is_shown(2, viewer_is_faculty=False)
    assert ranking.board_is_shown(2, viewer_is_faculty=True)
    assert ranking.board_is_shown(3, viewer_is_faculty=False)


def test_periods_start_on_monday_the_first_and_the_academic_year():
    wednesday = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
    assert periods.period_start("week", wednesday) == datetime(2026, 11, 23, tzinfo=UTC)
    assert periods.period_start("month", wednesday) == datetime(2026, 11, 1, tzinfo=UTC)
    assert periods.period_start("year", wednesday) == datetime(2026, 9, 1, tzinfo=UTC)
    assert periods.period_start("year", datetime(2027, 2, 1, tzinfo=UTC)) == datetime(2026, 9, 1, tzinfo=UTC)
    assert periods.period_start("year", wednesday, academic_year_start_month=11) == datetime(
        2026, 11, 1, tzinfo=UTC
    )
    assert periods.period_start("all", wednesday) is None


def test_a_failed_case_comes_back_sooner_than_a_passed_one():
    failed_card, failed_due = review.review(review.new_card(T0), review.rating_for_case_score(20), T0)
    passed_card, passed_due = review.review(review.new_card(T0), review.rating_for_case_score(95), T0)
    assert failed_due < passed_due
    assert failed_card["last_review"] is not None


def test_score_chart_places_high_scores_higher():
    chart = charts.score_chart([(T0, 20, False), (T0, 90, True)])
    low, high = chart["dots"]
    assert high["y"] < low["y"] and high["practice"] and not low["practice"]
    assert charts.score_chart([])["dots"] == []


def test_histogram_bars_scale_to_the_largest_bucket():
    bars = charts.histogram([0, 0, 0, 0, 0, 1, 2, 4, 0, 0])["bars"]
    assert bars[7]["h"] > bars[6]["h"] > bars[5]["h"] > 0 == bars[0]["h"]
    assert bars[9]["label"] == "90–100"
