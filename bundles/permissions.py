"""Who may move bundles in and out: superusers, or a group given the bundles permissions."""


def can_export(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("bundles.export_bundle"))


def can_import(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("bundles.import_bundle"))
