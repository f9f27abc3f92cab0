from django.urls import path

from . import views

app_name = "quizzes"
urlpatterns = [
    path("cases/<int:case_id>/workup/", views.submit_workup, name="submit-workup"),
    path("cases/<int:case_id>/interpretation/", views.submit_interpretation, name="submit-interpretation"),
]
