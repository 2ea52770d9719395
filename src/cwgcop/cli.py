"""The ``cwgcop`` console command: the project's ``manage.py``."""

import os
import sys


def settings_module() -> str:
    """``cwgcop.settings``, or the test settings for tool runs that set ``CWGCOP_TESTING=true`` (dev.py)."""
    testing = os.environ.get("CWGCOP_TESTING", "").strip().lower() in {"1", "true", "yes", "on"}
    return "cwgcop.settings_test" if testing else "cwgcop.settings"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "cwgcop"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
