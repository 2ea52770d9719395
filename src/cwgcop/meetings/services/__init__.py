"""Every change to meetings goes through these functions: keyword-only arguments, one transaction, an audit entry.

Grouped by what they change: the meeting itself, registrations, attendance, the agenda, outcomes and
action items. The meeting functions are re-exported here, where callers have always found them.
"""

from cwgcop.meetings.services.meeting import MEETING_FIELDS, change_meeting_status, create_meeting, update_meeting
from cwgcop.meetings.services.officers import Officer, set_meeting_officers

__all__ = [
    "MEETING_FIELDS",
    "Officer",
    "change_meeting_status",
    "create_meeting",
    "set_meeting_officers",
    "update_meeting",
]
