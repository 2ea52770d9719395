"""Sharing packages: aggregates and approved quotes sent to named recipients through a signed, expiring link.

A package is frozen when it is made (figures suppressed at ``CWGCOP_CONSULTATION_FOCAL_POINT_K``, approved
quotes with the attribution rule, dates but never times, no receipt hash, no text that was not approved). The
link carries the package's id signed with ``django.core.signing`` and a time stamp; it stops working after
``CWGCOP_CONSULTATION_PACKAGE_DAYS`` days. Every package and every download is logged.
"""

from __future__ import annotations

import datetime
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.consultations import notifications
from cwgcop.consultations.enums import ConsultationAction, RecipientKind
from cwgcop.consultations.models import Consultation, PackageDownload, SharingPackage
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import Language

SALT = "cwgcop.consultations.package"
FORMATS = ("html", "json", "csv")


def package_days() -> int:
    return int(settings.CWGCOP_CONSULTATION_PACKAGE_DAYS)


def token_for(package: SharingPackage) -> str:
    return signing.dumps({"package": package.pk}, salt=SALT, compress=True)


def package_url(package: SharingPackage, token: str) -> str:
    with override(package.language):
        path = reverse("consultations:package", kwargs={"token": token})
    return f"{settings.SITE_URL}{path}"


def _link_refused() -> DomainError:
    return DomainError(
        _("This link has expired or is not valid. Ask the secretariat for a new one."), code="link_invalid"
    )


def package_for_token(token: str, *, now: datetime.datetime | None = None) -> SharingPackage:
    """The package a link names, if its signature is good and it has not expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=package_days()))
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise _link_refused() from error
    package = SharingPackage.objects.select_related("consultation").filter(pk=data.get("package")).first()
    if package is None or package.expires_at <= (now or timezone.now()):
        raise _link_refused()
    return package


@transaction.atomic
def create_package(
    *,
    actor: Actor,
    consultation: Consultation,
    recipient: str,
    recipient_email: str,
    recipient_kind: str,
    language: str = Language.ENGLISH,
) -> tuple[SharingPackage, str]:
    """Freeze the package's content, log it, and e-mail the link once committed. Returns the package and link."""
    from cwgcop.consultations import results

    if consultation.published_at is None or not consultation.has_closed():
        raise DomainError(_("Share the results once the consultation has closed."), code="consultation_not_closed")
    if consultation.answers_deleted_at is not None:
        raise DomainError(
            _("The answers of this consultation have been deleted: there is nothing left to share."),
            code="answers_deleted",
        )
    if not recipient.strip():
        raise DomainError(_("Name the recipient."), code="recipient_missing")
    try:
        validate_email(recipient_email)
    except Exception as error:
        raise DomainError(_("Enter the recipient's e-mail address."), code="email_invalid") from error
    if recipient_kind not in RecipientKind.values:
        raise DomainError(_("Choose the kind of recipient."), code="recipient_kind_invalid")
    if language not in Language.values:
        raise DomainError(_("Choose a language."), code="language_invalid")
    k = int(settings.CWGCOP_CONSULTATION_FOCAL_POINT_K)
    with override(language):
        content = results.package_content(consultation, k=k)
    package = SharingPackage.objects.create(
        consultation=consultation,
        recipient=recipient.strip(),
        recipient_kind=recipient_kind,
        recipient_email=recipient_email.strip(),
        language=language,
        k=k,
        created_by=signed_in_or_none(actor),
        expires_at=timezone.now() + datetime.timedelta(days=package_days()),
        content=content,
    )
    audit.record(
        actor=actor,
        action=ConsultationAction.PACKAGE,
        instance=package,
        after={
            "recipient": package.recipient,
            "kind": recipient_kind,
            "k": k,
            "expires": package.expires_at.isoformat(),
        },
    )
    url = package_url(package, token_for(package))
    transaction.on_commit(partial(notifications.send_package, package.pk, url))
    return package, url


@transaction.atomic
def record_download(*, package: SharingPackage, format: str) -> PackageDownload:
    """Log one download of ``package`` (the downloads table and the audit log)."""
    if format not in FORMATS:
        raise DomainError(_("Unknown format."), code="format_invalid")
    download = PackageDownload.objects.create(package=package, format=format)
    audit.record(
        actor=None,
        action=ConsultationAction.PACKAGE_DOWNLOAD,
        instance=download,
        after={"package": package.pk, "format": format},
    )
    return download
