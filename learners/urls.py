from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "learners"
urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="learners/password_reset_form.html",
            email_template_name="learners/password_reset_email.txt",
            success_url=reverse_lazy("learners:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="learners/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="learners/password_reset_confirm.html",
            success_url=reverse_lazy("learners:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="learners/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/email/confirm/<str:token>/", views.email_confirm, name="email-confirm"),
    path("learn/", views.dashboard, name="dashboard"),
    path("learn/review/", views.review_queue, name="review"),
    path("learn/review/rate/", views.review_rate, name="review-rate"),
    path("learn/leaderboard/", views.leaderboard, name="leaderboard"),
    path("learn/attempts/<uuid:public_id>/", views.attempt_detail, name="attempt"),
    path("department/", views.department_overview, name="department"),
    path("department/export.csv", views.department_export, name="department-export"),
    path("department/invite/rotate/", views.rotate_invite, name="rotate-invite"),
]
