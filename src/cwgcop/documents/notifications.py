"""E-mails to the person who submitted a document, in the language they chose in their profile."""

from __future__ import annotations

from typing import Final

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cwgcop.accounts.services import display_name, profile_of
from cwgcop.core.outbox import send_later
from cwgcop.documents.models import Document

SUBMISSION_RECEIVED: Final = "submission_received"
SUBMISSION_RETURNED: Final = "submission_returned"
SUBMISSION_PUBLISHED: Final = "submission_published"


def on_commit(kind: str, document_id: int) -> None:
    """Send the ``kind`` e-mail about a document once the change that caused it is committed."""
    transaction.on_commit(lambda: send_submission_email(kind, document_id))


def send_submission_email(kind: str, document_id: int) -> None:
    document = Document.objects.select_related("meeting", "meeting__body", "body", "created_by").get(pk=document_id)
    submitter = document.created_by
    if submitter is None or not submitter.email:
        return
    profile = profile_of(submitter)
    language = profile.language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "document": document,
            "name": display_name(submitter),
            "submission_url": settings.SITE_URL + reverse("submissions:detail", kwargs={"pk": document.pk}),
            "public_url": settings.SITE_URL + document.get_absolute_url() if document.is_public else "",
        }
        subject = render_to_string(f"documents/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"documents/email/{kind}_body.txt", context)
    send_later(EmailMessage(subject=" ".join(subject.split()), body=body, to=[submitter.email]))
