from cwgcop.meetings.models.agenda import AgendaItem
from cwgcop.meetings.models.meeting import Meeting
from cwgcop.meetings.models.officers import MeetingOfficer
from cwgcop.meetings.models.outcomes import ActionItem, CarriedAction, Outcome
from cwgcop.meetings.models.participation import Attendance, Registration

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "CarriedAction",
    "Meeting",
    "MeetingOfficer",
    "Outcome",
    "Registration",
]
