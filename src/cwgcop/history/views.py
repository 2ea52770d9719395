"""The staff import page: upload a ZIP, read its dry run row by row, import it, watch the progress."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core.permissions import require_permission
from cwgcop.core.refusals import refusal_as_messages
from cwgcop.history import progress, services
from cwgcop.history.enums import RUNNING_STAGES, ImportStage
from cwgcop.history.forms import ArchiveUploadForm
from cwgcop.history.labels import action_label, section_label, summary
from cwgcop.history.models import ArchiveImport

# Rows listed on the page beyond the refused ones (all of them are counted in the summary).
ROWS_SHOWN = 1000


@require_permission("history.import_archive")
def import_list(request: HttpRequest) -> HttpResponse:
    form = ArchiveUploadForm(request.POST, request.FILES) if request.method == "POST" else ArchiveUploadForm()
    if request.method == "POST" and form.is_valid():
        archive_import = services.start_check(
            actor=request.user, upload=form.cleaned_data["archive"], language=request.LANGUAGE_CODE
        )
        return redirect("staff:history:detail", pk=archive_import.pk)
    imports = ArchiveImport.objects.select_related("created_by").defer("rows")[:20]
    return render(
        request, "history/staff/list.html", {"form": form, "imports": imports}, status=400 if form.errors else 200
    )


def _rows(archive_import: ArchiveImport) -> list[tuple[str, str, str, str, str]]:
    refused = [row for row in archive_import.rows if row[2] == "refused"]
    others = [row for row in archive_import.rows if row[2] != "refused"][:ROWS_SHOWN]
    return [
        (section_label(section), key, action, action_label(action), reason)
        for section, key, action, reason in refused + others
    ]


@require_permission("history.import_archive")
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    archive_import = get_object_or_404(ArchiveImport.objects.select_related("created_by"), pk=pk)
    running = archive_import.stage in RUNNING_STAGES
    counts = {action: archive_import.count(action) for action in ("create", "update", "unchanged", "refused")}
    return render(
        request,
        "history/staff/detail.html",
        {
            "archive_import": archive_import,
            "running": running,
            "progress": progress.read(archive_import.pk) if running else None,
            "summary": summary(counts) if archive_import.rows else "",
            "rows": _rows(archive_import),
            "hidden_rows": max(0, len(archive_import.rows) - counts["refused"] - ROWS_SHOWN),
            "can_import": archive_import.stage == ImportStage.CHECKED,
        },
    )


@require_POST
@require_permission("history.import_archive")
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    archive_import = get_object_or_404(ArchiveImport, pk=pk)
    with refusal_as_messages(request):
        services.start_import(actor=request.user, archive_import=archive_import)
        messages.success(request, _("The import started."))
    return redirect("staff:history:detail", pk=pk)
