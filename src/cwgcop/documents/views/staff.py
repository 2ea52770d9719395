"""Secretariat pages for the archive: create, upload, publish, revise and withdraw documents."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core import audit
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form
from cwgcop.documents import queries, services
from cwgcop.documents.forms import DocumentForm, PublishForm, RevisionForm, UploadForm, WithdrawForm
from cwgcop.documents.models import Document


def _managed(request: HttpRequest, symbol: str) -> Document:
    document = queries.any_document(symbol)
    if document is None:
        raise Http404
    check_object_permission(request, "bodies.manage_body", document.body)
    return document


def _manage_page(request: HttpRequest, document: Document, **forms: object) -> HttpResponse:
    context = {
        "document": document,
        "upload_form": UploadForm(),
        "revision_form": RevisionForm(),
        "withdraw_form": WithdrawForm(),
        "publish_form": PublishForm(),
        "history": audit.history(document)[:50],
        "pending": document.revisions.filter(published_at__isnull=True).first(),
    }
    context.update(forms)
    # Every refusal is summarised at the top: the form that caused it may not be shown (a withdrawn
    # document shows no upload or revision form), and the message must still reach the secretariat.
    context["problems"] = [
        error
        for form in forms.values()
        if isinstance(form, BaseForm)
        for errors in form.errors.values()
        for error in errors
    ]
    status = 400 if forms else 200
    return render(request, "documents/staff/document_manage.html", context, status=status)


@require_permission("bodies.use_staff_pages")
def document_create(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check_object_permission(request, "bodies.manage_body", form.cleaned_data["body"])
        with refusal_on_form(form):
            document = services.create_document(
                actor=request.user,
                body=form.cleaned_data["body"],
                meeting=form.cleaned_data["meeting"],
                kind=form.cleaned_data["kind"],
                symbol=form.cleaned_data["symbol"] or None,
                titles=form.titles(),
                original_language=form.cleaned_data["original_language"],
                sources=form.cleaned_data["sources"],
            )
            messages.success(request, _("Document %(symbol)s created as a draft.") % {"symbol": document.symbol})
            return redirect("staff:documents:document-manage", symbol=document.symbol)
    return render(request, "documents/staff/document_form.html", {"form": form}, status=form_status(form))


@require_permission("bodies.use_staff_pages")
def document_manage(request: HttpRequest, symbol: str) -> HttpResponse:
    return _manage_page(request, _managed(request, symbol))


@require_POST
@require_permission("bodies.use_staff_pages")
def document_upload(request: HttpRequest, symbol: str) -> HttpResponse:
    document = _managed(request, symbol)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        with refusal_on_form(form, "file"):
            services.add_file(actor=request.user, document=document, **form.service_values())
            messages.success(request, _("File uploaded."))
            return redirect("staff:documents:document-manage", symbol=document.symbol)
    return _manage_page(request, document, upload_form=form)


@require_POST
@require_permission("bodies.use_staff_pages")
def document_publish(request: HttpRequest, symbol: str) -> HttpResponse:
    document = _managed(request, symbol)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, document, publish_form=form)
    day = form.cleaned_data["published_on"]
    # A day of the past is recorded at noon in the platform's time zone, so it reads as that day everywhere.
    published_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))) if day else None
    with refusal_as_messages(request):
        revision = services.publish_document(actor=request.user, document=document, published_at=published_at)
        messages.success(request, _("%(symbol)s is published.") % {"symbol": revision.symbol})
    return redirect("staff:documents:document-manage", symbol=document.symbol)


@require_POST
@require_permission("bodies.use_staff_pages")
def document_revise(request: HttpRequest, symbol: str) -> HttpResponse:
    document = _managed(request, symbol)
    form = RevisionForm(request.POST)
    if form.is_valid():
        with refusal_on_form(form):
            revision = services.start_revision(actor=request.user, document=document, note=form.cleaned_data["note"])
            messages.success(request, _("Revision %(symbol)s started.") % {"symbol": revision.symbol})
            return redirect("staff:documents:document-manage", symbol=document.symbol)
    return _manage_page(request, document, revision_form=form)


@require_POST
@require_permission("bodies.use_staff_pages")
def document_withdraw(request: HttpRequest, symbol: str) -> HttpResponse:
    document = _managed(request, symbol)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        with refusal_on_form(form):
            services.withdraw_document(actor=request.user, document=document, reason=form.cleaned_data["reason"])
            messages.success(request, _("%(symbol)s is withdrawn.") % {"symbol": document.symbol})
            return redirect("staff:documents:document-manage", symbol=document.symbol)
    return _manage_page(request, document, withdraw_form=form)
