from cwgcop.meetings.forms.meeting import DateInput, DateTimeInput, MeetingForm
from cwgcop.meetings.forms.officers import OfficerForm, OfficerFormSet, StatusForm
from cwgcop.meetings.forms.participation import (
    AttendanceConfirmForm,
    AttendanceForm,
    AttendanceUploadForm,
    RegistrationForm,
)
from cwgcop.meetings.forms.record import ActionItemForm, AgendaItemForm, CloseActionForm, OutcomeForm

__all__ = [
    "ActionItemForm",
    "AgendaItemForm",
    "AttendanceConfirmForm",
    "AttendanceForm",
    "AttendanceUploadForm",
    "CloseActionForm",
    "DateInput",
    "DateTimeInput",
    "MeetingForm",
    "OfficerForm",
    "OfficerFormSet",
    "OutcomeForm",
    "RegistrationForm",
    "StatusForm",
]
