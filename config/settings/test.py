"""Test settings: fast hashing, a throwaway media folder, immediate tasks."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="spine-atlas-test-media-")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
SERVE_MEDIA = True
STATIC_ROOT = tempfile.mkdtemp(prefix="spine-atlas-test-static-")
WHITENOISE_USE_FINDERS = True
