"""Test override: fast hashing, emails into Django's outbox, tasks run at once.

The database stays whatever DATABASE_URL says (SQLite by default, PostgreSQL in CI).
"""

import os

os.environ.setdefault("DATA_DIR", "/tmp/vernetzt-test-data")  # noqa: S108 - throwaway test files
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("STATIC_MANIFEST", "0")

from vernetzt.settings import *  # noqa: E402,F403 - a test override is the one place for this

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Rate limits stay on (tests check them); the live server and the test client share one cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SITE_URL = "http://testserver"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns when it is missing
# Live rooms: every update shows the current version (no reuse of a 0.3 s old snapshot), so
# a test reads what it has just written.
LIVE_MIN_RENDER_INTERVAL = 0
