from django.urls import path

from . import views

app_name = "stacks_admin"
urlpatterns = [
    path("import/", views.import_dicom, name="import"),
    path("import/<str:result_id>/", views.import_status, name="import_status"),
]
