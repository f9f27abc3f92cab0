from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("atlas/", include("atlas.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("stacks/", include("stacks.urls")),
    path("", include("learners.urls")),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Local runs and browser tests only; production serves media from S3-compatible storage or a web server.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
