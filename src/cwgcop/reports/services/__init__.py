"""Drafting, editing, approving and publishing reports to the Council. Every change is a new version."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, translated
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents import services as document_services
from cwgcop.documents import storage
from cwgcop.reports import builder, chart, render
from cwgcop.reports.enums import ReportAction, ReportStatus
from cwgcop.reports.models import CouncilReport, Rendition, ReportVersion
from cwgcop.reports.services.governing import add_governing_text, change_governing_text
from cwgcop.reports.validators import council_number

__all__ = ["add_governing_text", "change_governing_text"]

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
    with override(language):
        return _("Report of the %(body)s to the Council (%(year)s)") % {
            "body": translated(body, "name", language),
            "year": end.year,
        }


PARTICULAR_FIELDS = ("council_session", "focus_areas", "financial_implications", "action_required", "strategic_plan")


def _set_particulars(
    report: CouncilReport, *, council_document: str | None, texts: dict[str, dict[str, str]], history_chart: bool | None
) -> None:
    """Write what the secretariat enters for the period on ``report`` (not saved). ``texts`` maps a field of
    ``PARTICULAR_FIELDS`` to its text per language; a field not given keeps its texts."""
    unknown = sorted(set(texts) - set(PARTICULAR_FIELDS))
    if unknown:
        raise DomainError(_("Unknown field: %(fields)s.") % {"fields": ", ".join(unknown)}, code="field_invalid")
    for name, values in texts.items():
        set_translations(report, name, values)
    if council_document is not None:
        number = council_document.strip() or None
        if number is not None:
            try:
                council_number(number)
            except ValidationError as error:
                raise DomainError(error.messages[0], code="council_number_invalid") from error
            taken = CouncilReport.objects.filter(council_document=number).exclude(pk=report.pk).first()
            if taken is not None:
                raise DomainError(
                    _("The Council document number %(number)s is already the report of %(body)s for %(period)s.")
                    % {
                        "number": number,
                        "body": taken.body.acronym,
                        "period": f"{taken.start:%Y-%m-%d}–{taken.end:%Y-%m-%d}",
                    },
                    code="council_number_taken",
                )
        report.council_document = number
    if history_chart is not None:
        report.history_chart = history_chart


@transaction.atomic
def create_draft(
    *,
    actor: Actor,
    body: Body,
    start: datetime.date,
    end: datetime.date,
    languages: list[str],
    council_document: str | None = None,
    particulars: dict[str, dict[str, str]] | None = None,
    history_chart: bool = False,
) -> CouncilReport:
    """Assemble a draft from the platform's data for each language; it is version 1.

    ``particulars`` are what the secretariat enters for the period (``PARTICULAR_FIELDS``, each per language);
    ``council_document`` is the report's Council document number, unique across reports.
    """
    chosen = _languages(languages)
    builder.check_period(body, start, end)
    report = CouncilReport(body=body, start=start, end=end, languages=chosen)
    _set_particulars(report, council_document=council_document, texts=particulars or {}, history_chart=history_chart)
    report.save()
    sections = {code: builder.build(body=body, start=start, end=end, language=code, report=report) for code in chosen}
    ReportVersion.objects.create(report=report, number=1, sections=sections, created_by=signed_in_or_none(actor))
    audit.record(actor=actor, action=ReportAction.DRAFT, instance=report)
    return report


def _replace_focus(text: str, report: CouncilReport, language: str) -> str:
    """The activities text with its focus-areas paragraph (the one after the opening) rewritten from ``report``."""
    with override(language):
        lead = _("In the period, the group focused on:")
    paragraphs = text.split("\n\n")
    paragraphs = [p for p in paragraphs if not p.startswith(lead)]
    focus = builder.focus_paragraph(report, language)
    if focus:
        paragraphs.insert(1 if paragraphs else 0, focus)
    return "\n\n".join(paragraphs)


@transaction.atomic
def set_particulars(
    *,
    actor: Actor,
    report: CouncilReport,
    based_on: int,
    council_document: str | None = None,
    texts: dict[str, dict[str, str]] | None = None,
    history_chart: bool | None = None,
) -> ReportVersion:
    """Change what the secretariat entered for the period, and write a new version in which the sections made
    from it (action required, strategic plan, financial implications, the focus-areas paragraph) are rewritten
    in every language; the other sections keep their edits. Refused once approved, or on a stale version."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise DomainError(_("The report is approved: it can no longer be edited."), code="not_draft")
    latest = report.latest
    _check_fresh(latest, based_on)
    before = audit.snapshot(report)
    _set_particulars(report, council_document=council_document, texts=texts or {}, history_chart=history_chart)
    report.save()
    sections: dict[str, list[dict[str, Any]]] = {}
    for language, items in latest.sections.items():
        with override(language):
            fresh = {s.key: s.as_dict() for s in builder.particular_sections(builder.Writer(language), report)}
        rewritten = []
        for section in items:
            if section["key"] in fresh:
                rewritten.append(fresh[section["key"]])
            elif section["key"] == "activities":
                rewritten.append({**section, "text": _replace_focus(section["text"], report, language)})
            else:
                rewritten.append(dict(section))
        sections[language] = rewritten
    version = ReportVersion.objects.create(
        report=report, number=latest.number + 1, sections=sections, created_by=signed_in_or_none(actor)
    )
    audit.record(actor=actor, action=ReportAction.PARTICULARS, instance=report, before=before)
    return version


def _check_fresh(latest: ReportVersion, based_on: int) -> None:
    if based_on != latest.number:
        raise DomainError(
            _("Someone saved version %(number)s after you opened this draft. Reload it and make your changes again.")
            % {"number": latest.number},
            code="stale_version",
        )


@transaction.atomic
def edit(*, actor: Actor, report: CouncilReport, language: str, texts: dict[str, str], based_on: int) -> ReportVersion:
    """Save edited section texts as a new version. Refused when someone saved a newer version meanwhile."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise DomainError(_("The report is approved: it can no longer be edited."), code="not_draft")
    latest = report.latest
    _check_fresh(latest, based_on)
    if language not in report.languages:
        raise DomainError(_("This report is not drafted in that language."), code="language_invalid")
    sections = {code: [dict(s) for s in items] for code, items in latest.sections.items()}
    for section in sections[language]:
        if section["key"] in texts:
            text = texts[section["key"]].replace("\r\n", "\n").strip()
            if text != section["text"]:
                # The editor wrote this section in the language: what was taken from another is theirs now.
                section["text"], section["missing"] = text, []
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


@dataclass(frozen=True)
class Charts:
    """The charts of a report, drawn once per language (figures and direction differ) and shared by its
    renditions in every format."""

    period: list[chart.Point]
    history: list[chart.Point]
    drawn: dict[tuple[str, str], bytes] = field(default_factory=dict)

    def period_png(self, language: str) -> bytes:
        if not self.period:
            return b""
        if ("period", language) not in self.drawn:
            self.drawn["period", language] = chart.participation_png(self.period, language)
        return self.drawn["period", language]

    def history_png(self, language: str) -> bytes:
        if not self.history:
            return b""
        if ("history", language) not in self.drawn:
            self.drawn["history", language] = chart.history_image(self.history, language=language)
        return self.drawn["history", language]


def draw_charts(report: CouncilReport) -> Charts:
    """The report's chart data; each chart is drawn when a rendition first asks for it in its language."""
    return Charts(
        period=chart.period(report.body, report.start, report.end),
        history=chart.history(report.body) if report.history_chart else [],
    )


def render_report(
    report: CouncilReport,
    language: str,
    fmt: str,
    sections: list[dict[str, Any]] | None = None,
    *,
    preview: bool = False,
    symbol: str = "",
    charts: Charts | None = None,
) -> bytes:
    """``report`` in ``language`` as ``fmt``: the approved version's sections (else the latest, else
    ``sections``), the period's participation chart, and the body's history chart when the report asks for it."""
    if fmt not in FORMATS:
        raise DomainError(_("Unknown format: %(format)s.") % {"format": fmt}, code="format_invalid")
    if sections is None:
        version = report.versions.get(number=report.approved_version) if report.approved_version else report.latest
        sections = version.sections[language]
    charts = charts or draw_charts(report)
    content = render.Content(
        title=report_title(report.body, report.end, language),
        language=language,
        sections=sections,
        chart_png=charts.period_png(language),
        chart_data=charts.period,
        history_png=charts.history_png(language),
        council_document=report.council_document or "",
        council_session=translated(report, "council_session", language) if report.pk else "",
        symbol=symbol or (report.document.symbol if report.document_id and report.document else ""),
        preview=preview,
    )
    return render.RENDERERS[fmt](content)


def _symbol(report: CouncilReport) -> str:
    """The body's own symbol for it (``CWG-COP/REP/2025/1``); a body without a symbol prefix files it under
    its Council document number."""
    if not report.body.symbol_prefix and report.council_document:
        return report.council_document
    prefix = report.body.symbol_prefix or report.body.acronym.upper().replace(" ", "-")
    count = CouncilReport.objects.filter(
        body=report.body, status=ReportStatus.PUBLISHED, end__year=report.end.year
    ).count()
    return f"{prefix}/REP/{report.end.year}/{count + 1}"


def archive_titles(report: CouncilReport) -> dict[str, str]:
    """The archive document's title per language; with the Council document number in it, the archive and the
    search find the report by that number."""
    titles = {}
    for code in report.languages:
        title = report_title(report.body, report.end, code)
        if report.council_document:
            with override(code):
                title = _("%(title)s — Council document %(number)s") % {
                    "title": title,
                    "number": report.council_document,
                }
        titles[code] = title
    return titles


def _check_publishable(report: CouncilReport) -> None:
    if report.status != ReportStatus.APPROVED:
        raise DomainError(_("Only a report the chair approved can be published."), code="not_approved")
    if not report.council_document:
        raise DomainError(
            _("Enter the report's Council document number before publishing it."), code="council_number_missing"
        )


def _start_publication(actor: Actor, report: CouncilReport) -> CouncilReport:
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    _check_publishable(report)
    document = document_services.create_document(
        actor=actor,
        body=report.body,
        kind="report",
        symbol=_symbol(report),
        titles=archive_titles(report),
        original_language=report.languages[0],
    )
    report.status = ReportStatus.PUBLISHING
    report.document = document
    report.save(update_fields=["status", "document"])
    audit.record(
        actor=actor, action=ReportAction.PUBLICATION_REQUESTED, instance=report, after={"document": document.symbol}
    )
    return report


@transaction.atomic
def request_publication(*, actor: Actor, report: CouncilReport) -> CouncilReport:
    """Start publishing the approved version: its archive document (kind: report, its own symbol) is created as a
    draft at once, and the renditions are made by a background task (:func:`cwgcop.reports.tasks.publish_report`)
    after the commit, so the request returns at once; :func:`publication_progress` tells how far it is."""
    report = _start_publication(actor, report)
    person = signed_in_or_none(actor)
    actor_id = person.pk if person is not None else None
    transaction.on_commit(partial(_enqueue_publication, report.pk, actor_id))
    return report


def _enqueue_publication(report_id: int, actor_id: int | None) -> None:
    from cwgcop.reports.tasks import publish_report

    publish_report.enqueue(report_id, actor_id)


class RenditionError(Exception):
    """Making one rendition failed: which one, and the error."""

    def __init__(self, language: str, fmt: str, error: BaseException) -> None:
        super().__init__(f"{language} {fmt}: {error}")
        self.language, self.fmt, self.error = language, fmt, error


@transaction.atomic
def record_publication_failure(*, report: CouncilReport, error: BaseException) -> CouncilReport:
    """The background publication stopped: keep which file failed and why, so the secretariat sees it and can
    :func:`retry_publication`. The report stays "being published"; the files made so far are kept."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    where = error if isinstance(error, RenditionError) else None
    cause = where.error if where else error
    report.publication_failure = {
        "language": where.language if where else "",
        "format": where.fmt if where else "",
        "error": (f"{type(cause).__name__}: {cause}")[:1000],
    }
    report.save(update_fields=["publication_failure"])
    audit.record(actor=None, action=ReportAction.PUBLICATION_FAILED, instance=report, after=report.publication_failure)
    return report


@transaction.atomic
def retry_publication(*, actor: Actor, report: CouncilReport) -> CouncilReport:
    """Run a failed publication again in the background; it resumes with the files not made yet."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.PUBLISHING or not report.publication_failure:
        raise DomainError(_("Only a publication that failed can be retried."), code="not_failed")
    before = report.publication_failure
    report.publication_failure = {}
    report.save(update_fields=["publication_failure"])
    audit.record(actor=actor, action=ReportAction.PUBLICATION_RETRIED, instance=report, before=before)
    person = signed_in_or_none(actor)
    transaction.on_commit(partial(_enqueue_publication, report.pk, person.pk if person is not None else None))
    return report


def publication_progress(report: CouncilReport) -> tuple[int, int]:
    """(renditions made, renditions to make) of a report being published."""
    return Rendition.objects.filter(report=report).count(), len(report.languages) * len(FORMATS)


def render_renditions(*, report: CouncilReport) -> int:
    """Make the renditions of a report being published that are not made yet, each stored and recorded in its own
    transaction (so the progress shows, and a worker that stops resumes where it was). Returns how many it made."""
    version = report.versions.get(number=report.approved_version or 0)
    symbol = report.document.symbol if report.document else ""
    made = set(Rendition.objects.filter(report=report).values_list("language", "format"))
    charts = draw_charts(report)
    count = 0
    for language in report.languages:
        for fmt in FORMATS:
            if (language, fmt) in made:
                continue
            try:
                data = render_report(report, language, fmt, version.sections[language], symbol=symbol, charts=charts)
            except Exception as error:
                raise RenditionError(language, fmt, error) from error
            stream = io.BytesIO(data)
            with storage.swept():
                blob = storage.store(stream, f".{fmt}")
                with transaction.atomic():
                    Rendition.objects.get_or_create(
                        report=report,
                        language=language,
                        format=fmt,
                        defaults={"storage_key": blob.key, "sha256": blob.sha256, "size": blob.size},
                    )
                    storage.keep(blob, stream)
            count += 1
    return count


@transaction.atomic
def complete_publication(*, actor: Actor, report: CouncilReport) -> CouncilReport:
    """Attach the PDF of each language to the archive document, publish it, and mark the report published."""
    report = CouncilReport.objects.select_for_update().get(pk=report.pk)
    done, total = publication_progress(report)
    if report.status != ReportStatus.PUBLISHING or report.document is None or done != total:
        raise DomainError(_("The report's files are not all made yet."), code="not_rendered")
    document = report.document
    slug = document.symbol.lower().replace("/", "-")
    for rendition in Rendition.objects.filter(report=report, format="pdf").order_by("pk"):
        with storage.open_blob(rendition.storage_key) as stream:
            data = stream.read()
        document_services.add_file(
            actor=actor,
            document=document,
            language=rendition.language,
            name=f"{slug}-{rendition.language}.pdf",
            size=len(data),
            stream=io.BytesIO(data),
        )
    document_services.publish_document(actor=actor, document=document)
    report.status = ReportStatus.PUBLISHED
    report.save(update_fields=["status"])
    audit.record(actor=actor, action=ReportAction.PUBLISH, instance=report, after={"document": document.symbol})
    return report


@transaction.atomic
def publish(*, actor: Actor, report: CouncilReport) -> CouncilReport:
    """Publish the approved version in one transaction, here and now (the command, the API and scripts): the
    archive document with a PDF per language, and DOCX, PDF and HTML renditions of every language. Pages use
    :func:`request_publication`, which does the same in the background."""
    report = _start_publication(actor, report)
    render_renditions(report=report)
    return complete_publication(actor=actor, report=report)
