"""Who may import a history: a body's secretariat, for that body's rows."""

from __future__ import annotations

import rules

from cwgcop.bodies.rules import is_any_secretariat, is_secretariat

# No object: the staff import page, for anyone on some body's secretariat.
rules.add_perm("history.import_archive", is_any_secretariat)
# Object: the body a row of the manifest belongs to.
rules.add_perm("history.import_for_body", is_secretariat)
