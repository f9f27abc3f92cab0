"""Admin: the Case bundles screen, its menu item, an "Export bundle" action on exportable pages, permissions."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import urls
from .export import EXPORTABLE_PAGE_TYPES
from .permissions import can_export, can_import


class BundleMenuItem(MenuItem):
    def is_shown(self, request):
        return can_export(request.user) or can_import(request.user)


@hooks.register("register_admin_urls")
def register_bundle_urls():
    return [path("bundles/", include((urls, "bundles"), namespace="bundles"))]


@hooks.register("register_admin_menu_item")
def register_bundle_menu_item():
    return BundleMenuItem("Case bundles", reverse("bundles:index"), icon_name="download", order=900)


@hooks.register("register_permissions")
def register_bundle_permissions():
    return Permission.objects.filter(content_type__app_label="bundles")


def _export_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), EXPORTABLE_PAGE_TYPES) and can_export(user):
        url = f"{reverse('bundles:export')}?page={page.pk}"
        yield Button("Export bundle", url=url, icon_name="download", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_export_button(page, user, view_name=None, next_url=None):
    yield from _export_button(page, user, priority=80)


@hooks.register("register_page_listing_more_buttons")
def page_listing_export_button(page, user, next_url=None):
    yield from _export_button(page, user, priority=80)
