"""Every change to consultations goes through these functions (views, the API and commands call them).

- :mod:`.responses`: a child's answers (submit, withdraw), moderation, the safeguarding lead's actions;
- :mod:`.lifecycle`: the secretariat writes, publishes, writes back, archives; retention;
- :mod:`.sharing`: packages of aggregates for focal points and the GCI expert group.
"""

from cwgcop.consultations.services.lifecycle import (
    ConsultationDetails,
    add_question,
    archive,
    create_consultation,
    create_group_code,
    deactivate_group_code,
    delete_expired_answers,
    delete_question,
    missing_translations,
    publish,
    publish_feedback,
    update_consultation,
    update_question,
)
from cwgcop.consultations.services.responses import (
    RECEIPT_ALPHABET,
    Submission,
    Submitted,
    act_on_case,
    escalate_answer,
    hash_code,
    moderate,
    new_receipt,
    remove_span,
    remove_words,
    response_for_receipt,
    safeguarding_lead,
    submit_response,
    text_digest,
    withdraw,
)
from cwgcop.consultations.services.sharing import (
    create_package,
    package_for_token,
    record_download,
    token_for,
)

__all__ = [
    "RECEIPT_ALPHABET",
    "ConsultationDetails",
    "Submission",
    "Submitted",
    "act_on_case",
    "add_question",
    "archive",
    "create_consultation",
    "create_group_code",
    "create_package",
    "deactivate_group_code",
    "delete_expired_answers",
    "delete_question",
    "escalate_answer",
    "hash_code",
    "missing_translations",
    "moderate",
    "new_receipt",
    "package_for_token",
    "publish",
    "publish_feedback",
    "record_download",
    "remove_span",
    "remove_words",
    "response_for_receipt",
    "safeguarding_lead",
    "submit_response",
    "text_digest",
    "token_for",
    "update_consultation",
    "update_question",
    "withdraw",
]
