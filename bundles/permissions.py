"""Who may move bundles in and out: superusers, or a group given the bundles permissions; an export also
needs the right to edit each page in the admin."""


def can_export(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("bundles.export_bundle"))


def can_import(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("bundles.import_bundle"))


def can_export_page(user, page) -> bool:
    """A page leaves in a bundle only for someone who may export and may edit that page in the admin."""
    return can_export(user) and page.permissions_for_user(user).can_edit()
