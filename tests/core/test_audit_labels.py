"""Every audit action has a meaning a reader can read, in their language, instead of its code."""

from __future__ import annotations

import importlib
from enum import StrEnum

from django.apps import apps
from django.utils import translation

from cwgcop.core.audit import action_label


def _actions() -> list[StrEnum]:
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, StrEnum) and value.__name__.endswith("Action"):
                found.extend(value)
    return found


def test_every_action_of_every_app_has_a_label() -> None:
    actions = _actions()
    assert len(actions) >= 93
    with translation.override("en"):
        unnamed = [str(action) for action in actions if action_label(str(action)) == str(action)]
    assert unnamed == []


def test_an_action_reads_in_the_readers_language() -> None:
    expected = {
        "en": "Meeting created",
        "fr": "Réunion créée",
        "es": "Reunión creada",
        "ru": "Собрание создано",
        "zh-hans": "会议已创建",
        "ar": "أُنشئ الاجتماع",
    }
    for language, label in expected.items():
        with translation.override(language):
            assert action_label("meeting.create") == label
    assert action_label("no.such.action") == "no.such.action"
