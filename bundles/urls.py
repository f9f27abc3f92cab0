from django.urls import path

from . import views

app_name = "bundles"
urlpatterns = [
    path("", views.bundle_index, name="index"),
    path("export/", views.bundle_download, name="export"),
    path("import/", views.bundle_upload, name="import"),
]
