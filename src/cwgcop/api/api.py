"""The public read API under /api/v1/ (django-ninja). Anyone may read; no login. See docs/api.md."""

from ninja import NinjaAPI

from cwgcop.accounts.api import router as account_router
from cwgcop.api import bodies, documents, errors, meetings
from cwgcop.consultations.api import router as consultations_router
from cwgcop.documents.submission_api import router as submissions_router
from cwgcop.events.api import router as events_router
from cwgcop.liaisons.api import deliverables as deliverable_router
from cwgcop.liaisons.api import liaisons as liaison_router
from cwgcop.meetings import api as meeting_api
from cwgcop.reports.api import router as reports_router
from cwgcop.search.api import router as search_router

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

api.add_router("/bodies/", bodies.router)
api.add_router("/meetings/", meetings.router)
api.add_router("/documents/", documents.router)
api.add_router("/events/", events_router)
api.add_router("/reports/", reports_router)
api.add_router("/account/", account_router)
api.add_router("/submissions/", submissions_router)
api.add_router("/registrations/", meeting_api.registrations)
api.add_router("/outcomes/", meeting_api.outcomes)
api.add_router("/action-items/", meeting_api.action_items)
api.add_router("/search", search_router)
api.add_router("/liaisons/", liaison_router)
api.add_router("/deliverables/", deliverable_router)
api.add_router("/consultations/", consultations_router)
