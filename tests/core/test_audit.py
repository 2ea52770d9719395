"""The audit log's contract: actions are members of an app's action enum, never free strings."""

from __future__ import annotations

import ast
import importlib
from enum import StrEnum
from pathlib import Path

import pytest
from django.apps import apps

import cwgcop
from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.enums import MeetingAction
from tests.factories import BodyFactory, UserFactory

SOURCE = Path(cwgcop.__file__).parent


def action_enums() -> dict[str, type[StrEnum]]:
    """Every ``…Action`` enum of the project's apps, by app label."""
    found: dict[str, type[StrEnum]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("cwgcop."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, StrEnum) and name.endswith("Action"):
                found[config.label] = value
    return found


def record_calls() -> list[tuple[str, int, ast.expr]]:
    """``(file, line, action argument)`` of every ``record(…, action=…)`` call in the source."""
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name != "record":
                continue
            for keyword in node.keywords:
                if keyword.arg == "action":
                    calls.append((str(path.relative_to(SOURCE)), node.lineno, keyword.value))
    return calls


def test_every_app_that_records_has_an_action_enum() -> None:
    assert sorted(action_enums()) == [
        "accounts",
        "bodies",
        "consultations",
        "documents",
        "events",
        "history",
        "liaisons",
        "meetings",
        "reports",
    ]


def test_no_action_is_named_in_two_enums_and_each_is_a_dotted_name() -> None:
    values = [member.value for enum in action_enums().values() for member in enum]
    assert len(values) == len(set(values)) == 114  # every app enum together
    assert [v for v in values if not all(part.isidentifier() and part.islower() for part in v.split("."))] == []


def test_no_record_call_names_its_action_with_a_literal_string() -> None:
    calls = record_calls()
    assert len(calls) > 60
    literals = [
        f"{path}:{line}"
        for path, line, value in calls
        for node in ast.walk(value)
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))
    ]
    assert literals == []


def test_every_enum_member_named_in_a_record_call_exists() -> None:
    enums = {enum.__name__: enum for enum in action_enums().values()}
    named = {
        (node.value.id, node.attr)
        for _path, _line, value in record_calls()
        for node in ast.walk(value)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in enums
    }
    assert named
    assert sorted(f"{e}.{m}" for e, m in named if m not in enums[e].__members__) == []


@pytest.mark.django_db
def test_record_stores_the_enum_value() -> None:
    body = BodyFactory(acronym="EG-SAFE")
    entry = audit.record(actor=UserFactory(username="ines"), action=MeetingAction.CREATE, instance=body)
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.actor.username, stored.object_type) == ("meeting.create", "ines", "bodies.body")
    assert AuditEntry.objects.filter(action="meeting.create").count() == 1


@pytest.mark.django_db
def test_record_refuses_a_free_string_and_writes_nothing() -> None:
    body = Body.objects.create(acronym="EG-SAFE", slug="eg-safe")
    with pytest.raises(TypeError, match=r"'meeting\.create'"):
        audit.record(actor=None, action="meeting.create", instance=body)  # type: ignore[arg-type]
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_record_keeps_after_of_the_fields_named_only() -> None:
    body = BodyFactory(acronym="EG-SAFE", slug="eg-safe")
    before = audit.snapshot(body, ["acronym"])
    body.acronym, body.slug = "EG-KIDS", "eg-kids"
    entry = audit.record(actor=None, action=MeetingAction.CREATE, instance=body, before=before, fields=["acronym"])
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.before, stored.after) == ({"acronym": "EG-SAFE"}, {"acronym": "EG-KIDS"})
