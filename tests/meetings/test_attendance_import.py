from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.attendance_csv import RowError, parse_attendance_csv
from cwgcop.meetings.models import Attendance
from cwgcop.meetings.services import attendance as services
from tests.meetings.factories import person, register, upcoming_meeting

pytestmark = pytest.mark.django_db

GOOD = (
    "name,email,organisation,country,stakeholder_kind,mode\n"
    "Ada Lovelace,ada@example.org,Ministry of ICT,CN,member-state,onsite\n"
    "Bob Silva,,University of São Paulo,Brazil,academia,remote\n"
    "Chidi Okafor,chidi@example.org,Kenya ICT Authority,KE,Member State,online\n"
)
BROKEN = (
    "name,email,organisation,country,stakeholder_kind,mode\n"
    "Ada Lovelace,ada@example.org,Ministry of ICT,CN,member-state,onsite\n"
    ",bob@example,University,Atlantis,lobby,by pigeon\n"
    "Chidi Okafor,chidi@example.org,Kenya ICT Authority,KE,member-state,remote\n"
    "Ada Again,ada@example.org,Ministry of ICT,CN,member-state,onsite\n"
)


def test_parse_reads_codes_names_and_labels() -> None:
    parsed = parse_attendance_csv(GOOD)
    assert parsed.errors == []
    assert [(r.row, r.name, r.country, r.stakeholder_kind, r.mode) for r in parsed.rows] == [
        (2, "Ada Lovelace", "CN", "member-state", "onsite"),
        (3, "Bob Silva", "BR", "academia", "remote"),
        (4, "Chidi Okafor", "KE", "member-state", "remote"),
    ]


def test_parse_reports_every_bad_cell_by_row_and_column() -> None:
    parsed = parse_attendance_csv(BROKEN)
    assert parsed.errors == [
        RowError(3, "name", "The name is missing."),
        RowError(3, "email", "“bob@example” is not an e-mail address."),
        RowError(3, "country", "“Atlantis” is not a country name or code."),
        RowError(
            3,
            "stakeholder_kind",
            "“lobby” is not a stakeholder kind; use one of: member-state, sector-member, associate, academia, "
            "civil-society, un-igo, other.",
        ),
        RowError(3, "mode", "“by pigeon” is not a way of taking part; use onsite or remote."),
        RowError(5, "", "The same person is already on row 2."),
    ]
    assert [r.row for r in parsed.rows] == [2, 4]


def test_parse_reads_semicolons_and_a_byte_order_mark() -> None:
    text = "\ufeffName;E-mail;Organization;Country;Stakeholder;Participation\nAda;;ITU;CH;un-igo;on site\n"
    parsed = parse_attendance_csv(text.removeprefix("\ufeff"))
    assert parsed.errors == []
    assert [(r.name, r.country, r.mode) for r in parsed.rows] == [("Ada", "CH", "onsite")]


def test_parse_refuses_a_file_without_the_needed_columns() -> None:
    parsed = parse_attendance_csv("name,email\nAda,ada@example.org\n")
    assert parsed.errors == [
        RowError(
            1,
            "organisation, country, stakeholder_kind, mode",
            "Missing columns: organisation, country, stakeholder_kind, mode.",
        )
    ]
    assert parsed.rows == []


def test_dry_run_previews_and_writes_nothing() -> None:
    meeting = upcoming_meeting(number=23)
    preview = services.import_attendance(actor=None, meeting=meeting, text=BROKEN, dry_run=True)
    assert (len(preview.to_create), len(preview.to_update), preview.broken_count) == (2, 0, 2)
    assert preview.written is False
    assert Attendance.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_a_file_with_broken_rows_is_refused_whole() -> None:
    meeting = upcoming_meeting(number=23)
    with pytest.raises(DomainError) as error:
        services.import_attendance(actor=None, meeting=meeting, text=BROKEN)
    assert error.value.code == "import_has_errors"
    assert error.value.messages == ["2 rows have errors: correct the file, or choose to import only the valid rows."]
    assert Attendance.objects.count() == 0
    meeting.refresh_from_db()
    assert meeting.participants_total is None


def test_only_the_valid_rows_are_imported_when_the_secretariat_chooses_so() -> None:
    meeting = upcoming_meeting(number=23)
    result = services.import_attendance(actor=None, meeting=meeting, text=BROKEN, only_valid_rows=True)
    assert result.written is True
    assert sorted(Attendance.objects.values_list("name", "region", "mode", "source")) == [
        ("Ada Lovelace", "asia-pacific", "onsite", "import"),
        ("Chidi Okafor", "africa", "remote", "import"),
    ]
    meeting.refresh_from_db()
    assert (meeting.participants_total, meeting.participants_onsite, meeting.participants_remote) == (2, 1, 1)
    entry = AuditEntry.objects.get(action="meeting.attendance.import")
    assert (entry.after["imported_rows"], entry.after["skipped_rows"]) == (2, [3, 5])


def test_importing_the_same_file_twice_changes_nothing() -> None:
    meeting = upcoming_meeting(number=23)
    services.import_attendance(actor=None, meeting=meeting, text=GOOD)
    again = services.import_attendance(actor=None, meeting=meeting, text=GOOD)
    assert (len(again.to_create), len(again.to_update)) == (0, 3)
    assert Attendance.objects.count() == 3


def test_an_imported_person_is_linked_to_their_registration() -> None:
    meeting = upcoming_meeting(number=23)
    ada = register(meeting, person("ada"))  # ada@example.org
    services.import_attendance(actor=None, meeting=meeting, text=GOOD)
    assert Attendance.objects.get(email="ada@example.org").registration == ada


def test_a_file_without_any_valid_row_is_refused() -> None:
    meeting = upcoming_meeting(number=23)
    text = "name,email,organisation,country,stakeholder_kind,mode\n,,,,,\nX,,Y,ZZ,other,remote\n"
    with pytest.raises(DomainError) as error:
        services.import_attendance(actor=None, meeting=meeting, text=text, only_valid_rows=True)
    assert error.value.code == "import_empty"
    assert Attendance.objects.count() == 0


# --- The page: upload, preview, confirm -----------------------------------------------------------------------


def _upload(text: str, name: str = "attendance.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_upload_shows_a_preview_with_the_per_row_errors_and_writes_nothing(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    url = f"/en/staff/meetings/{meeting.pk}/attendance/import/"
    page = client.post(url, {"file": _upload(BROKEN)}).content.decode()
    assert "Preview: nothing has been written yet" in page
    assert (
        '<tr><td class="number">3</td><td>country</td><td>“Atlantis” is not a country name or code.</td></tr>' in page
    )
    assert '<tr><td class="number">5</td><td>—</td><td>The same person is already on row 2.</td></tr>' in page
    assert "Import only the valid rows and skip the others" in page
    assert Attendance.objects.count() == 0


def test_confirming_a_broken_file_without_choosing_writes_nothing(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    url = f"/en/staff/meetings/{meeting.pk}/attendance/import/"
    response = client.post(url, {"confirm": "1", "text": BROKEN})
    assert response.status_code == 400
    assert "2 rows have errors: correct the file, or choose to import only the valid rows." in response.content.decode()
    assert Attendance.objects.count() == 0


def test_confirming_with_only_valid_rows_imports_them(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    url = f"/en/staff/meetings/{meeting.pk}/attendance/import/"
    response = client.post(url, {"confirm": "1", "text": BROKEN, "only_valid_rows": "on"})
    assert (response.status_code, response["Location"]) == (302, f"/en/staff/meetings/{meeting.pk}/attendance/")
    assert Attendance.objects.count() == 2


def test_a_file_that_is_not_utf8_is_refused_plainly(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    upload = SimpleUploadedFile("a.csv", "name\nRenée\n".encode("utf-16"), content_type="text/csv")
    response = client.post(f"/en/staff/meetings/{meeting.pk}/attendance/import/", {"file": upload})
    assert response.status_code == 400
    assert "The file is not UTF-8 text: save it as “CSV UTF-8”." in response.content.decode()


def test_a_member_cannot_import_attendance(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("member", body=meeting.body, role=RoleKind.MEMBER))
    response = client.post(f"/en/staff/meetings/{meeting.pk}/attendance/import/", {"confirm": "1", "text": GOOD})
    assert response.status_code == 403
    assert Attendance.objects.count() == 0
