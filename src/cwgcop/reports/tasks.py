"""Background work of the reports (Django's tasks API): making a report's renditions and publishing it.

By default tasks run in-process as soon as they are enqueued (``ImmediateBackend``); with
``CWGCOP_TASKS_BACKEND=database`` they are stored and run by ``cwgcop db_worker``.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django_tasks import task

from cwgcop.reports import services
from cwgcop.reports.enums import ReportStatus
from cwgcop.reports.models import CouncilReport

logger = logging.getLogger(__name__)


@task()
def publish_report(report_id: int, actor_id: int | None) -> int:
    """Make the renditions of a report being published, then publish it. Returns the renditions it made."""
    report = CouncilReport.objects.select_related("body", "document").get(pk=report_id)
    if report.status != ReportStatus.PUBLISHING:
        return 0
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        made = services.render_renditions(report=report)
        services.complete_publication(actor=actor, report=report)
    except Exception as error:
        # Kept on the report for the secretariat, who can retry; the files made so far stay.
        logger.exception("Publishing report %s failed", report_id)
        services.record_publication_failure(report=report, error=error)
        return 0
    return made
