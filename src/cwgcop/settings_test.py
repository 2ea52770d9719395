"""Settings of the test suite: the production settings (``cwgcop.settings``) and what tests need on top.

pytest loads this module (``DJANGO_SETTINGS_MODULE`` in pyproject.toml); so does mypy's Django plugin, and the
``cwgcop`` command when ``CWGCOP_TESTING=true`` (``dev.py`` sets it for ``makemigrations --check`` and the
catalogues). Debug stays off, as in production, so tests see the production security settings.
"""

from __future__ import annotations

import os

# The production settings refuse to load without a secret key; tests use one everybody knows.
os.environ.setdefault("CWGCOP_SECRET_KEY", "insecure-test-key-never-use-in-production")

from cwgcop.settings import *  # noqa: F403
from cwgcop.settings import DATA_DIR, DATABASES, STORAGES, env_int, env_list

# The test client's hosts (Django adds "testserver" itself).
ALLOWED_HOSTS = env_list("CWGCOP_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
# Links in e-mails sent during tests point at the test server, which speaks plain HTTP.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# No collected static files: the finders serve the stylesheet to the browser tests.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The event form's "filled in too fast" check would refuse the test client's instant posts.
CWGCOP_EVENT_FORM_MIN_SECONDS = env_int("CWGCOP_EVENT_FORM_MIN_SECONDS", 0)

_test_db_name = os.environ.get("CWGCOP_TEST_DATABASE_NAME")
if _test_db_name:
    DATABASES["default"]["TEST"] = {"NAME": _test_db_name}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests run on a database file, as production does, not in shared memory: real locking and WAL, so
    # tests with concurrent transactions behave as they will in use.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-cwgcop.sqlite3")}
    DATA_DIR.mkdir(parents=True, exist_ok=True)
