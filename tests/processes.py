"""Helpers for tests that run the platform in another process on the test database."""

from __future__ import annotations

from django.db import connection


def database_url() -> str:
    """``DATABASE_URL`` of the test database this run uses (it must be committed to: ``transactional_db``)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{user}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
