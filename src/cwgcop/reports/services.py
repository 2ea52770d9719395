"""Drafting, editing, approving and publishing reports to the Council. Every change is a new version."""

from __future__ import annotations

import datetime
import io

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.documents import services as document_services
from cwgcop.documents import storage
from cwgcop.reports import builder, chart, render
from cwgcop.reports.enums import ReportAction, ReportStatus
from cwgcop.reports.models import CouncilReport, Rendition, ReportVersion

FORMATS = ("docx", "pdf", "html")
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def _languages(languages: list[str]) -> list[str]:
    chosen = [code for code in LANGUAGE_ORDER if code in set(languages)]
    if not chosen or len(chosen) != len(set(languages)):
        raise DomainError(_("Choose languages among ar, zh-hans, en, fr, ru, es."), code="language_invalid")
    return chosen


def report_title(body: Body, end: datetime.date, language: str) -> str:
    from cwgcop.core.languages import translated

    with override(language):
        return _("Report of the %(body)s to the Council (%(year)s)") % {
            "body": translated(body, "name", language),
            "year": end.year,
        }


@transaction.atomic
def create_draft(
    *, actor: Actor, body: Body, start: datetime.date, end: datetime.date, languages: list[str]
) -> CouncilReport:
    """Assemble a draft from the platform's data for each language; it is version 1."""
    chosen = _languages(languages)
    builder.check_period(body, start, end)
    sections = {code: builder.build(body=body, start=start, end=end, language=code) for code in chosen}
    report = CouncilReport.objects.create(body=body, start=start, end=end, languages=chosen)
    ReportVersion.objects.create(report=report, number=1, sections=sections, created_by=signed_in_or_none(actor))
    audit.record(actor=actor, action=ReportAction.DRAFT, instance=report)
    return report


@transaction.atomic
def edit(*, actor: Actor, report: CouncilReport, language: str, texts: dict[str, str], based_on: int) -> ReportVersion:
    """Save edited section texts as a new version. Refused when someone saved a newer version meanwhile."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise DomainError(_("The report is approved: it can no longer be edited."), code="not_draft")
    latest = report.latest
    if based_on != latest.number:
        raise DomainError(
            _("Someone saved version %(number)s after you opened this draft. Reload it and make your changes again.")
            % {"number": latest.number},
            code="stale_version",
        )
    if language not in report.languages:
        raise DomainError(_("This report is not drafted in that language."), code="language_invalid")
    sections = {code: [dict(s) for s in items] for code, items in latest.sections.items()}
    for section in sections[language]:
        if section["key"] in texts:
            section["text"] = texts[section["key"]].replace("\r\n", "\n").strip()
    version = ReportVersion.objects.create(
        report=report, number=latest.number + 1, sections=sections, created_by=signed_in_or_none(actor)
    )
    audit.record(
        actor=actor, action=ReportAction.EDIT, instance=report, after={"version": version.number, "language": language}
    )
    return version


@transaction.atomic
def approve(*, actor: Actor, report: CouncilReport, version: int) -> CouncilReport:
    """The chair approves the version they read; a draft edited since then is refused, so no edit is lost."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise DomainError(_("The report is already approved."), code="not_draft")
    if version != report.latest.number:
        raise DomainError(
            _("The draft was edited after you read it (now version %(number)s). Read the new version before approving.")
            % {"number": report.latest.number},
            code="stale_version",
        )
    report.status = ReportStatus.APPROVED
    report.approved_version = version
    report.approved_at = timezone.now()
    report.approved_by = signed_in_or_none(actor)
    report.save(update_fields=["status", "approved_version", "approved_at", "approved_by"])
    audit.record(actor=actor, action=ReportAction.APPROVE, instance=report, after={"version": version})
    return report


def render_report(
    report: CouncilReport, language: str, fmt: str, sections: list[dict[str, str]] | None = None
) -> bytes:
    if fmt not in FORMATS:
        raise DomainError(_("Unknown format: %(format)s.") % {"format": fmt}, code="format_invalid")
    if sections is None:
        version = report.versions.get(number=report.approved_version) if report.approved_version else report.latest
        sections = version.sections[language]
    data = chart.history(report.body)
    content = render.Content(
        title=report_title(report.body, report.end, language),
        language=language,
        sections=sections,
        chart_png=chart.participation_png(data) if data else b"",
        chart_data=data,
    )
    return render.RENDERERS[fmt](content)


def _symbol(report: CouncilReport) -> str:
    prefix = report.body.symbol_prefix or report.body.acronym.upper().replace(" ", "-")
    count = CouncilReport.objects.filter(
        body=report.body, status=ReportStatus.PUBLISHED, end__year=report.end.year
    ).count()
    return f"{prefix}/REP/{report.end.year}/{count + 1}"


@transaction.atomic
def publish(*, actor: Actor, report: CouncilReport) -> CouncilReport:
    """Publish the approved version as an archive document (kind: report, its own symbol) with a PDF per
    language, and keep DOCX, PDF and HTML renditions of every language for download."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.APPROVED:
        raise DomainError(_("Only a report the chair approved can be published."), code="not_approved")
    version = report.versions.get(number=report.approved_version or 0)
    document = document_services.create_document(
        actor=actor,
        body=report.body,
        kind="report",
        symbol=_symbol(report),
        titles={code: report_title(report.body, report.end, code) for code in report.languages},
        original_language=report.languages[0],
    )
    slug = document.symbol.lower().replace("/", "-")
    for language in report.languages:
        for fmt in FORMATS:
            data = render_report(report, language, fmt, version.sections[language])
            blob = storage.store(io.BytesIO(data), f".{fmt}")
            Rendition.objects.create(
                report=report, language=language, format=fmt, storage_key=blob.key, sha256=blob.sha256, size=blob.size
            )
            if fmt == "pdf":
                document_services.add_file(
                    actor=actor,
                    document=document,
                    language=language,
                    name=f"{slug}-{language}.pdf",
                    size=len(data),
                    stream=io.BytesIO(data),
                )
    document_services.publish_document(actor=actor, document=document)
    report.status = ReportStatus.PUBLISHED
    report.document = document
    report.save(update_fields=["status", "document"])
    audit.record(actor=actor, action=ReportAction.PUBLISH, instance=report, after={"document": document.symbol})
    return report
