"""Local development: `make run`. The key below is public and fake on purpose."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
WHITENOISE_USE_FINDERS = True
