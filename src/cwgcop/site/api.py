"""The API root under /api/v1/ (django-ninja): it mounts the router of every app. See docs/api.md.

Each app keeps its endpoints in ``<app>/api.py`` and its shapes in ``<app>/schemas.py``; what they share (the one
shape of an error, pagination) is in ``cwgcop.core.api``.
"""

from ninja import NinjaAPI

from cwgcop.accounts import api as account_api
from cwgcop.accounts import api_bodies  # noqa: F401 - adds the write endpoints to the bodies' routers
from cwgcop.bodies import api as body_api
from cwgcop.consultations import api as consultation_api
from cwgcop.core.api import errors, openapi
from cwgcop.documents import api as document_api
from cwgcop.events import api as event_api
from cwgcop.liaisons import api as liaison_api
from cwgcop.meetings import api as meeting_api
from cwgcop.reports import api as report_api
from cwgcop.search import api as search_api

api = NinjaAPI(
    title="cwgcop API",
    version="1",
    description=(
        "The public record of the working group: bodies, meetings and documents. Read without a login. "
        "Lists take limit and offset and answer {items, count}; errors answer {detail, code}."
    ),
    urls_namespace="api",
)
errors.install(api)
openapi.document_errors(api, rate_limited={("post", "/api/v1/events/{series}/{event}/registrations")})

api.add_router("/bodies/", body_api.router)
api.add_router("/organizations/", body_api.organizations)
api.add_router("/meetings/", meeting_api.meetings)
api.add_router("/documents/", document_api.archive)
api.add_router("/events/", event_api.router)
api.add_router("/reports/", report_api.router)
api.add_router("/account/", account_api.router)
api.add_router("/submissions/", document_api.submissions)
api.add_router("/registrations/", meeting_api.registrations)
api.add_router("/outcomes/", meeting_api.outcomes)
api.add_router("/action-items/", meeting_api.action_items)
api.add_router("/search", search_api.router)
api.add_router("/liaisons/", liaison_api.liaisons)
api.add_router("/deliverables/", liaison_api.deliverables)
api.add_router("/consultations/", consultation_api.router)
