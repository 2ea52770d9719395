"""Who drafts and who approves reports to the Council: the body's secretariat drafts, its chair approves."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.rules import has_role


def _body(obj: Any) -> Any:
    return getattr(obj, "body", obj)


@rules.predicate
def is_report_secretariat(user: Any, obj: Any = None) -> bool:
    return has_role(user, {RoleKind.SECRETARIAT}, _body(obj) if obj is not None else None)


@rules.predicate
def is_report_chair(user: Any, obj: Any = None) -> bool:
    return has_role(user, {RoleKind.CHAIR, RoleKind.VICE_CHAIR}, _body(obj) if obj is not None else None)


rules.add_perm("reports.draft", is_report_secretariat)
rules.add_perm("reports.approve", is_report_chair)
rules.add_perm("reports.view_drafts", is_report_secretariat | is_report_chair)
