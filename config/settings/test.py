"""Test settings: fast hashing, a throwaway media folder, immediate tasks."""

import os
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

SHM = "/dev/shm"  # noqa: S108  (only ever used through mkdtemp below)

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # The browser tests' live server answers on several threads. An in-memory test database is shared
    # between them in shared-cache mode, where a thread meeting another's lock fails at once ("table is
    # locked") instead of waiting; Wagtail's live preview reads and writes the session concurrently. A file
    # in the temporary folder, with a busy timeout, makes them wait their turn like any real database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        # In a private (0700) folder, in memory-backed /dev/shm where there is one: a test database needs
        # no durability, and the folder's random name leaves nothing to guess or to pre-create.
        "NAME": os.path.join(
            tempfile.mkdtemp(prefix="spine-atlas-testdb-", dir=SHM if os.path.isdir(SHM) else None),
            "test.sqlite3",
        )
    }
    # Transactions take the write lock when they begin, so two writers queue instead of deadlocking.
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        timeout=30,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    )
