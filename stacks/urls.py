from django.urls import path

from . import views

app_name = "stacks"
urlpatterns = [path("<slug:slug>/", views.stack_detail, name="detail")]
