"""Sharing packages: aggregates and approved quotes sent to named recipients through a signed, expiring link.

A package's figures are frozen when it is made (suppressed at ``CWGCOP_CONSULTATION_FOCAL_POINT_K``, dates but
never times, no receipt hash). Its quotes refer to the approved answers (``PackageQuote``) with the attribution
rule applied then: the words are read from the answer at each opening, so an answer deleted at the end of the
retention period, taken back by the child or withdrawn from publication leaves the package at once. The link
carries the package's id signed with ``django.core.signing`` and a time stamp; it stops working after
``CWGCOP_CONSULTATION_PACKAGE_DAYS`` days or when the secretariat revokes it, and the package's content is then
emptied. Every package and every opening (with the named recipient it was sent to) is logged.
"""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.consultations import notifications
from cwgcop.consultations.enums import ConsultationAction, ModerationStatus, RecipientKind
from cwgcop.consultations.models import Consultation, PackageDownload, PackageQuote, SharingPackage
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
    if (
        package is None
        or package.revoked_at is not None
        or package.expires_at <= (now or timezone.now())
        or not package.content  # emptied: revoked or expired
    ):
        raise _link_refused()
    return package


def package_data(package: SharingPackage) -> dict[str, Any]:
    """What the recipient sees: the frozen figures and the quotes whose answers are still approved and kept."""
    quoted = (
        PackageQuote.objects.filter(
            package=package,
            answer__moderation=ModerationStatus.APPROVED,
            answer__response__withdrawn_at__isnull=True,
            answer__response__counted=True,
        )
        .select_related("answer")
        .order_by("order")
    )
    quotes = [{"question": q.question, "text": q.answer.text, "attribution": list(q.attribution)} for q in quoted]
    return {**package.content, "quotes": quotes}


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
        content, quotes = results.package_content(consultation, k=k)
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
    PackageQuote.objects.bulk_create(
        PackageQuote(
            package=package,
            answer_id=quote.answer_id,
            order=order,
            question=quote.question[:500],
            attribution=quote.attribution,
        )
        for order, quote in enumerate(quotes, start=1)
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
    """Log one opening or download of ``package`` by its named recipient (the downloads table and the audit
    log): the link was sent to them alone."""
    if format not in FORMATS:
        raise DomainError(_("Unknown format."), code="format_invalid")
    download = PackageDownload.objects.create(
        package=package, recipient=package.recipient, recipient_email=package.recipient_email, format=format
    )
    audit.record(
        actor=None,
        action=ConsultationAction.PACKAGE_DOWNLOAD,
        instance=download,
        after={
            "package": package.pk,
            "recipient": package.recipient,
            "recipient_email": package.recipient_email,
            "format": format,
        },
    )
    return download


def _empty(package: SharingPackage) -> None:
    package.content = {}
    PackageQuote.objects.filter(package=package).delete()


@transaction.atomic
def revoke_package(*, actor: Actor, package: SharingPackage) -> SharingPackage:
    """Stop a package's link for good and empty the package (a revoked link cannot be revived: send a new one)."""
    package = SharingPackage.objects.select_for_update().get(pk=package.pk)
    if package.revoked_at is not None:
        raise DomainError(_("This package's link is already revoked."), code="revoked")
    package.revoked_at = timezone.now()
    package.revoked_by = signed_in_or_none(actor)
    _empty(package)
    package.save(update_fields=["revoked_at", "revoked_by", "content"])
    audit.record(
        actor=actor,
        action=ConsultationAction.PACKAGE_REVOKE,
        instance=package,
        after={"recipient": package.recipient, "revoked": True},
    )
    return package


def purge_expired_packages(*, now: datetime.datetime | None = None) -> int:
    """Empty the packages whose link has expired (their figures and quotes are no longer anyone's to read)."""
    now = now or timezone.now()
    count = 0
    for package in SharingPackage.objects.filter(expires_at__lte=now).exclude(content={}):
        _empty(package)
        package.save(update_fields=["content"])
        count += 1
    return count
