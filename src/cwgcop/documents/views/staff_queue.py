"""The secretariat's queue of submissions: publish one (it gets its symbol) or return it with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core.confirmation import confirmation_page, is_confirmed
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.documents import contributions, queries
from cwgcop.documents.forms import ReturnForm
from cwgcop.documents.models import Document


def _reviewable(request: HttpRequest, pk: int) -> Document:
    document = queries.submission(pk)
    if document is None or not request.user.has_perm("documents.view_submission", document):
        raise Http404
    check_object_permission(request, "documents.review_submissions", document.body)
    return document


def _queue_page(request: HttpRequest, return_forms: dict[int, ReturnForm] | None = None) -> HttpResponse:
    documents = list(queries.submission_queue(request.user))
    forms = return_forms or {}
    rows = [{"document": d, "return_form": forms.get(d.pk) or ReturnForm(prefix=f"r{d.pk}")} for d in documents]
    return render(request, "documents/staff/queue.html", {"rows": rows}, status=400 if forms else 200)


@require_permission("documents.use_submission_queue")
def queue(request: HttpRequest) -> HttpResponse:
    return _queue_page(request)


@require_POST
@require_permission("documents.use_submission_queue")
def queue_publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = _reviewable(request, pk)
    if not is_confirmed(request):
        return confirmation_page(
            request,
            title=_("Number and publish “%(title)s”?") % {"title": document.display_title},
            consequence=_(
                "It gets the next symbol of its meeting and becomes public: anyone can read and download it, and "
                "its files can never be changed again (a correction is a new revision)."
            ),
            button=_("Yes, number and publish it"),
            back=reverse("staff:documents:submission-queue"),
        )
    with refusal_as_messages(request):
        revision = contributions.publish_submission(actor=request.user, document=document)
        messages.success(request, _("%(symbol)s is published.") % {"symbol": revision.symbol})
    return redirect("staff:documents:submission-queue")


@require_POST
@require_permission("documents.use_submission_queue")
def queue_return(request: HttpRequest, pk: int) -> HttpResponse:
    document = _reviewable(request, pk)
    form = ReturnForm(request.POST, prefix=f"r{document.pk}")
    if form.is_valid():
        with refusal_on_form(form):
            contributions.return_submission(actor=request.user, document=document, reason=form.cleaned_data["reason"])
            messages.success(request, _("The submission was returned to its submitter."))
            return redirect("staff:documents:submission-queue")
    return _queue_page(request, {document.pk: form})
