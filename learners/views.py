"""Accounts, the resident's dashboard, review queue and leaderboard, and the faculty's department view."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlas.models import Figure, figures_for_display
from quizzes.models import QuizModulePage

from . import charts, periods, ranking, review, selectors
from .forms import LoginForm, ProfileForm, SignupForm
from .middleware import session_start
from .models import Membership, ReviewCard
from .services import (
    department_rotate_invite,
    email_change_read,
    review_rate_figure,
    user_confirm_email_change,
    user_request_email_change,
    user_signup,
)

NEW_FLASHCARDS_PER_DAY = 20


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("learners:dashboard")
    form = SignupForm(request.POST or None, initial={"invite_code": request.GET.get("code", "")[:20]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_signup(
                username=data["username"],
                email=data["email"],
                password=data["password"],
                display_name=data["display_name"],
                department=form.department,
                training_year=data["training_year"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome to {form.department.name}'s atlas.")
            return redirect("learners:dashboard")
    return render(request, "learners/signup.html", {"form": form}, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    membership = request.user.membership_or_none
    user = request.user
    initial = {"display_name": user.display_name or user.get_full_name(), "email": user.email}
    if membership:
        initial |= {
            "training_year": membership.training_year,
            "leaderboard_display": membership.leaderboard_display,
            "pseudonym": membership.pseudonym,
        }
    form = ProfileForm(request.POST or None, initial=initial, user=user, membership=membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user.display_name = data["display_name"]
        user.save(update_fields=["display_name"])
        if membership:
            membership.training_year = data["training_year"]
            membership.leaderboard_display = data["leaderboard_display"]
            membership.pseudonym = data["pseudonym"]
            membership.save(update_fields=["training_year", "leaderboard_display", "pseudonym"])
        messages.success(request, "Profile saved.")
        if form.email_changed:
            user_request_email_change(
                user=user,
                new_email=data["email"],
                confirm_url=lambda token: request.build_absolute_uri(
                    reverse("learners:email-confirm", args=[token])
                ),
            )
            messages.info(
                request,
                f"To use {data['email']}, open the link we just sent there. Until then, nothing changes.",
            )
        return redirect("learners:profile")
    return render(
        request,
        "learners/profile.html",
        {"form": form, "membership": membership},
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_confirm(request, token):
    """GET shows what the link would do (mail scanners open links); POST makes the change."""
    try:
        new_email = email_change_read(user=request.user, token=token)
        if request.method == "POST":
            user_confirm_email_change(user=request.user, token=token)
            messages.success(request, f"Your e-mail address is now {new_email}.")
            return redirect("learners:profile")
    except ValidationError as error:
        status = 409 if error.code == "taken" else 400
        return render(request, "learners/email_confirm.html", {"error": error.messages[0]}, status=status)
    return render(request, "learners/email_confirm.html", {"new_email": new_email})


class SignInView(auth_views.LoginView):
    template_name = "learners/login.html"
    form_class = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        session_start(self.request, remember_me=form.cleaned_data["remember_me"])
        return response


@login_required
@require_GET
def dashboard(request):
    user = request.user
    history = selectors.score_history(user)
    context = {
        "membership": user.membership_or_none,
        "mastery": selectors.mastery(user),
        "history": history,
        "chart": charts.score_chart([(a.completed_at, a.total, a.is_practice) for a in history]),
        "not_done": selectors.cases_not_done(user),
        "wrong": selectors.wrong_attempts(user),
        "due": selectors.due_reviews(user),
    }
    return render(request, "learners/dashboard.html", context)


def _board_context(request, department, *, viewer_is_faculty: bool) -> dict:
    period = request.GET.get("period", "all")
    notes = []
    if period not in periods.PERIODS:
        notes.append(f"Ignored unknown period “{period[:20]}”: showing all time.")
        period = "all"
    modules = list(QuizModulePage.objects.live().order_by("path"))
    module = None
    raw_module = request.GET.get("module", "")
    if raw_module:
        module = next((m for m in modules if str(m.pk) == raw_module), None)
        if module is None:
            notes.append("Ignored an unknown module: showing all modules.")
    board = selectors.leaderboard(department, period=period, module=module, viewer_id=request.user.pk)
    shown = ranking.board_is_shown(board.visible, viewer_is_faculty=viewer_is_faculty)

    def rows(standings):
        return [
            {
                "rank": s.rank,
                "name": s.shown_name(viewer_is_faculty=viewer_is_faculty, viewer_id=request.user.pk),
                "score": s.score,
                "cases": s.cases,
                "is_me": s.learner_id == request.user.pk,
            }
            for s in standings
        ]

    return {
        "department": department,
        "period": period,
        "periods": periods.PERIODS,
        "modules": modules,
        "module": module,
        "notes": notes,
        "shown": shown,
        "top": rows(board.top),
        "around": rows(board.around),
        "count": board.count,
        "min_visible": ranking.MIN_VISIBLE_FOR_RESIDENTS,
    }


@login_required
@require_GET
def leaderboard(request):
    membership = request.user.membership_or_none
    if membership is None:
        return render(request, "learners/no_department.html", status=403)
    context = _board_context(request, membership.department, viewer_is_faculty=membership.is_faculty)
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "learners/partials/leaderboard-table.html" if fragment else "learners/leaderboard.html"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


@login_required
@require_GET
def attempt_detail(request, public_id):
    attempt = selectors.attempt_visible_to(request.user, public_id)
    if attempt is None:
        raise Http404("No such attempt.")
    return render(request, "learners/attempt_detail.html", {"attempt": attempt})


# Review queue -----------------------------------------------------------------------------------


def _next_new_figure(user):
    carded = ReviewCard.objects.filter(learner=user, kind=ReviewCard.Kind.FIGURE).values("figure_id")
    return figures_for_display().exclude(pk__in=carded).order_by("title", "pk").first()


@login_required
@require_GET
def review_queue(request):
    now = timezone.now()
    due = (
        ReviewCard.objects.filter(learner=request.user, due__lte=now)
        .select_related("case")
        .prefetch_related(Prefetch("figure", queryset=figures_for_display()))
        .order_by("due")
    )
    card = due.first()
    figure, is_new = None, False
    if card is not None and card.kind == ReviewCard.Kind.FIGURE:
        figure = card.figure
    elif card is None:
        started_today = ReviewCard.objects.filter(
            learner=request.user, kind=ReviewCard.Kind.FIGURE, reviews=1, updated_at__date=now.date()
        ).count()
        if started_today < NEW_FLASHCARDS_PER_DAY:
            figure, is_new = _next_new_figure(request.user), True
    reveal = figure is not None and request.GET.get("reveal") == str(figure.pk)
    context = {
        "card": card,
        "figure": figure,
        "is_new": is_new,
        "reveal": reveal,
        "due_count": due.count(),
        "ratings": review.RATING_LABELS,
    }
    return render(request, "learners/review.html", context)


@login_required
@require_POST
def review_rate(request):
    rating = request.POST.get("rating", "")
    figure_id = request.POST.get("figure", "")
    if rating not in review.RATINGS or not (figure_id.isascii() and figure_id.isdigit()):
        return HttpResponseBadRequest("Choose Again, Hard, Good or Easy for a figure of the atlas.")
    if not Figure.objects.filter(pk=int(figure_id)).exists():
        raise Http404("No such figure.")
    review_rate_figure(learner=request.user, figure_id=int(figure_id), rating=rating)
    return redirect("learners:review")


# Faculty ------------------------------------------------------------------------------------------


def _faculty_department(request):
    department = selectors.department_for_faculty(request.user)
    if department is None:
        raise PermissionDenied("Only faculty of a department can see this page.")
    return department


@login_required
@require_GET
def department_overview(request):
    department = _faculty_department(request)
    overview = selectors.department_overview(department, page=request.GET.get("page") or 1)
    membership = request.user.membership
    context = {
        "department": department,
        "overview": overview,
        "histogram": charts.histogram(overview["buckets"]),
        "is_admin": membership.role == Membership.Role.ADMIN,
        "board": _board_context(request, department, viewer_is_faculty=True),
    }
    return render(request, "learners/department.html", context)


@login_required
@require_GET
def department_export(request):
    department = _faculty_department(request)
    overview = selectors.department_overview(department, per_page=100_000)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{department.slug}-progress.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "resident",
            "username",
            "training_year",
            "cases_completed",
            "mean_first_attempt_score",
            "last_activity",
        ]
        + [_csv_safe(f"module: {m.title}") for m in overview["modules"]]
    )
    for row in overview["rows"]:
        m = row["membership"]
        writer.writerow(
            [_csv_safe(str(m.user)), _csv_safe(m.user.username), m.training_year or "", row["cases"]]
            + [row["mean"] if row["mean"] is not None else "", row["last"].isoformat() if row["last"] else ""]
            + [f"{done}/{size}" for _, done, size in row["modules"]]
        )
    return response


def _csv_safe(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ (or a tab or carriage return) would run.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@login_required
@require_POST
def rotate_invite(request):
    department = _faculty_department(request)
    if request.user.membership.role != Membership.Role.ADMIN:
        raise PermissionDenied("Only the department admin can change the invite code.")
    code = department_rotate_invite(department=department)
    messages.success(request, f"New invite code: {code}. The old one no longer works.")
    return redirect("learners:department")
