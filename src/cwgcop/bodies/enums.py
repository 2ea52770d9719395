from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Region(models.TextChoices):
    """The six regions of the ITU Telecommunication Development Sector (BDT regional offices)."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab States")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific")
    CIS = "cis", _("CIS")
    EUROPE = "europe", _("Europe")


class StakeholderKind(models.TextChoices):
    MEMBER_STATE = "member-state", _("Member State")
    SECTOR_MEMBER = "sector-member", _("Sector Member")
    ASSOCIATE = "associate", _("Associate")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    UN_IGO = "un-igo", _("UN / intergovernmental organisation")
    OTHER = "other", pgettext_lazy("stakeholder kind", "Other")


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COUNCIL_WORKING_GROUP = "cwg", _("Council working group")
    STUDY_GROUP = "study-group", _("Study group")
    QUESTION = "question", _("Study group question")
    CORRESPONDENCE_GROUP = "correspondence-group", _("Correspondence group")
    OTHER = "other", pgettext_lazy("body kind", "Other")


class RoleKind(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-chair")
    SECRETARIAT = "secretariat", _("Secretariat")
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    SAFEGUARDING_LEAD = "safeguarding-lead", _("Safeguarding lead")
    # Platform-wide, whatever body the role is recorded in: creates bodies and grants this role.
    PLATFORM_ADMINISTRATOR = "platform-admin", _("Platform administrator")


class BodyAction(StrEnum):
    """Changes to bodies' records. Each value is stored in ``AuditEntry.action``: never change one."""

    CREATE = "body.create"
    FORMER_NAME_RECORD = "body.former_name.record"
    RETIRE = "body.retire"
    UPDATE = "body.update"
    ORGANIZATION_CREATE = "organization.create"
    ORGANIZATION_MERGE = "organization.merge"
    ORGANIZATION_RETIRE = "organization.retire"
    ORGANIZATION_UPDATE = "organization.update"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    BodyAction.FORMER_NAME_RECORD: _("Former name recorded"),
    BodyAction.ORGANIZATION_CREATE: _("Organisation added"),
    BodyAction.CREATE: _("Body created"),
    BodyAction.RETIRE: _("Body retired"),
    BodyAction.UPDATE: _("Body changed"),
    BodyAction.ORGANIZATION_MERGE: _("Organisations merged"),
    BodyAction.ORGANIZATION_RETIRE: _("Organisation retired"),
    BodyAction.ORGANIZATION_UPDATE: _("Organisation changed"),
}
