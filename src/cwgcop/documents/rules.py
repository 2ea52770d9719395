"""Who may submit, see and review contributions. Every check on submissions goes through these names."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.accounts.rules import is_signed_in
from cwgcop.bodies.rules import is_any_secretariat, is_secretariat


@rules.predicate
def is_submitter(user: Any, document: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and document.created_by_id == user.pk)


@rules.predicate
def is_secretariat_of_document(user: Any, document: Any) -> bool:
    return bool(is_secretariat(user, document.body))


# Object: the meeting. Anyone signed in (with a verified address) may submit: the group is open to all.
rules.add_perm("documents.submit_contribution", is_signed_in)
# Object: the body of the meeting.
rules.add_perm("documents.accept_late_submission", is_secretariat)
rules.add_perm("documents.review_submissions", is_secretariat)
# Object: the document. Drafts and submissions are seen by their submitter and the body's secretariat only.
rules.add_perm("documents.view_submission", is_submitter | is_secretariat_of_document)
rules.add_perm("documents.use_submission_queue", is_any_secretariat)
