"""The children's answer form works without cookies: a signed token in the form stands in for the CSRF cookie.

A child whose browser blocks cookies (a school's locked-down tablet, a privacy setting) used to get Django's
CSRF page and lose what they wrote. The form now carries a token signed with the site's secret that binds the
consultation and a random nonce, valid for a day and for one sending. Cross-site posts are still refused, from
the headers every current browser sends with a form: ``Sec-Fetch-Site`` (only ``same-origin`` or ``none``), else
``Origin``, else ``Referer`` (same scheme and host, or one of ``CSRF_TRUSTED_ORIGINS``). A post that fails is
answered with the form again, the child's words in it and a new token (see ``views.public.answer``).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from cwgcop.consultations.models import Consultation
from cwgcop.core.errors import DomainError

SALT = "cwgcop.consultations.answer-form"
MAX_AGE = 24 * 3600
FIELD = "form_token"


def issue(consultation: Consultation) -> str:
    """A new token for one sending of ``consultation``'s form."""
    return signing.dumps({"c": consultation.pk, "n": secrets.token_urlsafe(16)}, salt=SALT)


def _same_origin(request: HttpRequest, origin: str) -> bool:
    parts = urlsplit(origin)
    found = f"{parts.scheme}://{parts.netloc}"
    return found == f"{request.scheme}://{request.get_host()}" or found in settings.CSRF_TRUSTED_ORIGINS


def check_origin(request: HttpRequest) -> None:
    """Refuse a post another site made the browser send."""
    site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    referer = request.headers.get("Referer")
    if site is not None:
        same = site in {"same-origin", "none"}
    elif origin is not None:
        same = origin != "null" and _same_origin(request, origin)
    elif referer is not None:
        same = _same_origin(request, referer)
    else:
        same = True  # no browser leaves all three out on a cross-site form; the token still has to be right
    if not same:
        raise DomainError(
            _("Your answers came from another website, so we did not save them. Please send them from this page."),
            code="cross_site",
        )


def spend(request: HttpRequest, consultation: Consultation) -> None:
    """Check the request's origin and its token, and use the token up (a replayed form is refused)."""
    check_origin(request)
    try:
        payload = signing.loads(str(request.POST.get(FIELD, "")), salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is one too
        raise DomainError(
            _("This form is too old to send. Your answers are still here: please send them again."),
            code="form_token_invalid",
        ) from error
    if not isinstance(payload, dict) or payload.get("c") != consultation.pk or not payload.get("n"):
        raise DomainError(
            _("This form is too old to send. Your answers are still here: please send them again."),
            code="form_token_invalid",
        )
    if not cache.add(f"consultations:form:{payload['n']}", 1, timeout=MAX_AGE):
        raise DomainError(
            _("These answers were sent already. To answer again, start from the consultation's page."),
            code="form_token_used",
        )
