from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cwgcop.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = "Load the demo data (the facts of the group's report to the Council). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if summary.created:
            for item in summary.created:
                self.stdout.write(f"  created {item}")
        else:
            self.stdout.write("The demo data is already loaded; nothing to do.")
        self.stdout.write(self.style.SUCCESS(f"Demo login: {DEMO_USERNAME} / {DEMO_PASSWORD}"))
