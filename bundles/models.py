"""No tables: only the two permissions that let a faculty group export and import case bundles."""

from django.db import models


class BundlePermission(models.Model):
    """Carries the permissions; never queried (unmanaged, no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("export_bundle", "Can export case bundles"),
            ("import_bundle", "Can import case bundles (creates snippets, images and draft pages)"),
        ]

    def __str__(self):
        return "Case bundle permissions"
