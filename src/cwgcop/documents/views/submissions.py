"""A member's submissions: submit to a meeting, follow what happened, correct a returned one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cwgcop.accounts.services import profile_of
from cwgcop.core.permissions import require_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form
from cwgcop.documents import contributions, queries
from cwgcop.documents.downloads import serve_document_file
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.forms import SubmissionForm, UploadForm, open_meetings
from cwgcop.documents.models import Document


def _visible(request: HttpRequest, pk: int) -> Document:
    """The submission if the user may see it; 404 otherwise, the same answer as for one that does not exist."""
    document = queries.submission(pk)
    if document is None or not request.user.has_perm("documents.view_submission", document):
        raise Http404
    return document


def _deadlines() -> list[dict[str, object]]:
    return [
        {"meeting": m, "deadline": m.contribution_deadline, "passed": contributions.deadline_passed(m)}
        for m in open_meetings()
    ]


@require_permission("documents.submit_contribution")
def submission_new(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request.user)
    initial = {"sources": [profile.organization]} if profile and profile.organization else {}
    form = SubmissionForm(request.POST or None, request.FILES or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            document = contributions.submit_contribution(
                actor=request.user,
                meeting=form.cleaned_data["meeting"],
                kind=form.cleaned_data["kind"],
                titles=form.titles(),
                original_language=form.cleaned_data["original_language"],
                versions=form.versions(),
                sources=form.cleaned_data["sources"],
            )
            messages.success(request, _("Your submission was received. The secretariat will number and publish it."))
            return redirect("submissions:detail", pk=document.pk)
    context = {"form": form, "deadlines": _deadlines()}
    return render(request, "documents/submissions/new.html", context, status=form_status(form))


@require_permission("documents.submit_contribution")
def my_submissions(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/submissions/mine.html", {"documents": list(queries.submissions_of(request.user))})


def _detail_page(request: HttpRequest, document: Document, upload_form: UploadForm | None = None) -> HttpResponse:
    context = {
        "document": document,
        "upload_form": upload_form or UploadForm(),
        "can_correct": document.created_by_id == request.user.pk and document.status == DocumentStatus.DRAFT,
        "revision": document.revisions.all().order_by("-number").first(),
    }
    return render(request, "documents/submissions/detail.html", context, status=400 if upload_form else 200)


@require_permission("documents.submit_contribution")
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _visible(request, pk))


def _own_returned(request: HttpRequest, pk: int) -> Document:
    document = _visible(request, pk)
    if document.created_by_id != request.user.pk:
        raise Http404
    return document


@require_POST
@require_permission("documents.submit_contribution")
def submission_upload(request: HttpRequest, pk: int) -> HttpResponse:
    document = _own_returned(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        with refusal_on_form(form, "file"):
            contributions.change_returned_file(actor=request.user, document=document, **form.service_values())
            messages.success(request, _("File uploaded."))
            return redirect("submissions:detail", pk=document.pk)
    return _detail_page(request, document, upload_form=form)


@require_POST
@require_permission("documents.submit_contribution")
def submission_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _own_returned(request, pk)
    with refusal_as_messages(request):
        contributions.resubmit_contribution(actor=request.user, document=document)
        messages.success(request, _("Your submission was sent to the secretariat again."))
    return redirect("submissions:detail", pk=document.pk)


@require_safe
@require_permission("documents.submit_contribution")
def submission_file(request: HttpRequest, pk: int, language: str) -> HttpResponseBase:
    """A file of a submission not yet public, for its submitter and the secretariat only."""
    document = _visible(request, pk)
    stored = queries.pending_file(document, language)
    if stored is None:
        raise Http404
    return serve_document_file(request, stored, last_modified=stored.uploaded_at.timestamp(), public=False)
