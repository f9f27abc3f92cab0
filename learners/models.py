"""People: the custom user from the first migration; departments and roles build on it."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A resident, a faculty member or an administrator. Email is the contact for password resets."""

    display_name = models.CharField(
        max_length=80, blank=True, help_text="How the name appears on pages; defaults to first and last name."
    )

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username
