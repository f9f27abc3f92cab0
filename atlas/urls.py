from django.urls import path

from . import views

app_name = "atlas"
urlpatterns = [
    path("browse/", views.browse, name="browse"),
    path("search/", views.search, name="search"),
]
