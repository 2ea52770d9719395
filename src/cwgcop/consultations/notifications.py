"""E-mails about consultations, sent after the change is committed. None of them carries what a child wrote."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.core.outbox import send_later


def send_new_case(case_id: int) -> None:
    """Tell the case's safeguarding lead that a case is waiting: a link, never the words."""
    from cwgcop.consultations.models import SafeguardingCase

    case = SafeguardingCase.objects.select_related("consultation", "lead").filter(pk=case_id).first()
    if case is None or case.lead is None or not case.lead.email:
        return
    with override(settings.LANGUAGE_CODE):
        path = reverse("staff:consultations:safeguarding", kwargs={"slug": case.consultation.slug})
        subject = _("A safeguarding case is waiting: %(consultation)s") % {
            "consultation": case.consultation.display_title
        }
        body = render_to_string("consultations/email/new_case.txt", {"case": case, "url": f"{settings.SITE_URL}{path}"})
    send_later(EmailMessage(subject=subject, body=body, to=[case.lead.email]))


def send_package(package_id: int, url: str) -> None:
    """Send a sharing package's link to its recipient, in the package's language."""
    from cwgcop.consultations.models import SharingPackage

    package = SharingPackage.objects.select_related("consultation").get(pk=package_id)
    with override(package.language):
        subject = _("Children's views shared with you: %(consultation)s") % {
            "consultation": package.consultation.display_title
        }
        body = render_to_string("consultations/email/package.txt", {"package": package, "url": url})
    send_later(EmailMessage(subject=subject, body=body, to=[package.recipient_email]))
