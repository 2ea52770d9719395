"""The form a child fills in: an age group, a country, optionally gender, and the questions. Nothing else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cwgcop.bodies.models import Body
from cwgcop.consultations.enums import AgeBand, CaseStatus, Gender, QuestionKind, RecipientKind, RejectionReason
from cwgcop.consultations.models import Consultation, Question
from cwgcop.consultations.services import Submission, lifecycle
from cwgcop.core.formatting import join_list, number
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.meetings.models import Meeting


class ResponseForm(forms.Form):
    age_band = forms.ChoiceField(label=_("How old are you?"))
    country = forms.ChoiceField(label=_("Which country do you live in?"))
    gender = forms.ChoiceField(
        choices=Gender.choices, initial=Gender.UNSAID, required=False, label=_("Are you… (you don't have to say)")
    )

    def __init__(self, *args: Any, consultation: Consultation, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.language = language
        bands = [(b.value, b.label) for b in AgeBand if b.value in consultation.age_bands]
        self.fields["age_band"].choices = [("", _("Choose")), *bands]  # type: ignore[attr-defined]
        self.fields["country"].choices = lambda: [("", _("Choose")), *countries]  # type: ignore[attr-defined]
        # Asked where some age groups need one, and where a school or helpline runs a session with one.
        if consultation.consent_required_bands or consultation.group_codes.filter(active=True).exists():
            needing = [str(AgeBand(b).label) for b in consultation.consent_required_bands]
            self.fields["group_code"] = forms.CharField(
                required=False,
                max_length=20,
                label=_("Group code (from your school or helpline)"),
                help_text=_("Needed for: %(bands)s") % {"bands": join_list(needing)} if needing else "",
            )
        self.questions = list(consultation.questions.prefetch_related("choices"))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = self._field(question)

    def _field(self, question: Any) -> forms.Field:
        label = question.display_text
        if question.kind == QuestionKind.TEXT:
            return forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "maxlength": settings.CWGCOP_CONSULTATION_MAX_ANSWER_CHARS}),
                help_text=_("Please don't write your name, phone number, address or anything that shows who you are."),
            )
        if question.kind == QuestionKind.SCALE:
            return forms.ChoiceField(
                label=label,
                required=False,
                choices=[(str(n), str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect,
                help_text=_("1 = not at all, 5 = very much"),
            )
        choices = [(str(c.pk), c.display_label) for c in question.choices.all()]
        if question.kind == QuestionKind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple
            )
        return forms.ChoiceField(label=label, required=False, choices=choices, widget=forms.RadioSelect)

    def submission(self) -> Submission:
        data = self.cleaned_data
        return Submission(
            language=self.language,
            age_band=data["age_band"],
            country=str(data["country"]),
            gender=data.get("gender") or Gender.UNSAID,
            group_code=data.get("group_code") or "",
            answers={q.pk: data.get(f"q{q.pk}") for q in self.questions},
        )


class ReceiptForm(forms.Form):
    receipt = forms.CharField(max_length=20, label=_("Your receipt code"))


class RejectForm(forms.Form):
    reason = forms.ChoiceField(choices=RejectionReason.choices, label=_("Reason"))


# The secretariat's forms. Texts are one field per language (``title_en``, ``title_zh_hans``, …).


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _language_label(label: str, code: str) -> str:
    return f"{label} ({Language(code).label})"


class ConsultationForm(forms.Form):
    slug = forms.SlugField(
        max_length=80, label=_("Short name for the address"), help_text=_("Letters, digits and hyphens: helplines-2025")
    )
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Body"))
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label=_("Meeting"),
        help_text=_("Leave empty if it stands alone."),
    )
    languages = forms.MultipleChoiceField(
        choices=Language.choices, widget=forms.CheckboxSelectMultiple, label=_("Languages")
    )
    age_bands = forms.MultipleChoiceField(
        choices=AgeBand.choices, widget=forms.CheckboxSelectMultiple, label=_("Age groups it is for")
    )
    consent_required_bands = forms.MultipleChoiceField(
        choices=AgeBand.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Age groups that need a group code"),
        help_text=_(
            "Their answers count only with a code from a school or helpline that runs the session with their parents' "
            "or carers' consent. Required for the age groups of children under the age of digital consent."
        ),
    )
    opens_at = forms.DateTimeField(widget=DateTimeInput, label=_("Opens"))
    closes_at = forms.DateTimeField(widget=DateTimeInput, label=_("Closes"))
    live_opens_at = forms.DateTimeField(widget=DateTimeInput, required=False, label=_("Live window opens"))
    live_closes_at = forms.DateTimeField(widget=DateTimeInput, required=False, label=_("Live window closes"))

    def __init__(self, *args: Any, bodies: Any, consultation: Consultation | None = None, **kwargs: Any) -> None:
        if consultation is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(consultation)
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]
        self.fields["meeting"].queryset = (  # type: ignore[attr-defined]
            Meeting.objects.filter(body__in=bodies).select_related("body").order_by("-start_date")
        )
        for code in LANGUAGE_ORDER:
            suffix = field_suffix(code)
            self.fields[f"title_{suffix}"] = forms.CharField(
                max_length=250, required=False, label=_language_label(str(_("Title")), code)
            )
            self.fields[f"introduction_{suffix}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                label=_language_label(str(_("Introduction for children")), code),
            )
            self.fields[f"privacy_notice_{suffix}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                label=_language_label(str(_("Privacy notice for children")), code),
                help_text=_("Say how long the answers are kept: %(days)s days after the feedback page.")
                % {"days": number(settings.CWGCOP_CONSULTATION_RETENTION_DAYS)},
            )

    @staticmethod
    def initial_for(consultation: Consultation) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(consultation, name) for name in lifecycle.DETAIL_FIELDS}
        for code in LANGUAGE_ORDER:
            for name in lifecycle.TEXT_FIELDS:
                key = f"{name}_{field_suffix(code)}"
                initial[key] = getattr(consultation, key, "")
        return initial

    def details(self) -> lifecycle.ConsultationDetails:
        data = self.cleaned_data
        return lifecycle.ConsultationDetails(
            slug=data["slug"],
            body=data["body"],
            meeting=data.get("meeting"),
            languages=list(data["languages"]),
            age_bands=list(data["age_bands"]),
            consent_required_bands=list(data.get("consent_required_bands") or []),
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            live_opens_at=data.get("live_opens_at"),
            live_closes_at=data.get("live_closes_at"),
            texts={
                name: {code: data.get(f"{name}_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}
                for name in lifecycle.TEXT_FIELDS
            },
        )

    def language_fields(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """The text fields grouped by language, for the template."""
        return [
            (
                code,
                str(Language(code).label),
                [self[f"{name}_{field_suffix(code)}"] for name in lifecycle.TEXT_FIELDS],
            )
            for code in LANGUAGE_ORDER
        ]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(choices=QuestionKind.choices, label=_("Kind of question"))
    required = forms.BooleanField(required=False, label=_("An answer is required"))

    def __init__(self, *args: Any, consultation: Consultation, question: Question | None = None, **kwargs: Any) -> None:
        if question is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(question)
        super().__init__(*args, **kwargs)
        self.languages = [code for code in LANGUAGE_ORDER if code in consultation.languages]
        for code in self.languages:
            suffix = field_suffix(code)
            self.fields[f"text_{suffix}"] = forms.CharField(
                max_length=500, required=False, label=_language_label(str(_("Question")), code)
            )
            self.fields[f"choices_{suffix}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                label=_language_label(str(_("Choices, one a line")), code),
                help_text=_(
                    "Only for choice questions. The same number of lines, in the same order, in every language."
                ),
            )

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {"kind": question.kind, "required": question.required}
        choices = list(question.choices.all())
        for code in LANGUAGE_ORDER:
            suffix = field_suffix(code)
            initial[f"text_{suffix}"] = getattr(question, f"text_{suffix}", "")
            initial[f"choices_{suffix}"] = "\n".join(getattr(c, f"label_{suffix}", "") or "" for c in choices)
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        counts = {code: len(self._lines(code)) for code in self.languages if self._lines(code)}
        if len(set(counts.values())) > 1:
            raise forms.ValidationError(_("Give the same number of choices in every language."))
        return data

    def _lines(self, code: str) -> list[str]:
        raw = (self.cleaned_data.get(f"choices_{field_suffix(code)}") or "").splitlines()
        return [line.strip() for line in raw if line.strip()]

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"text_{field_suffix(code)}") or "" for code in self.languages}

    def choices(self) -> list[dict[str, str]]:
        lines = {code: self._lines(code) for code in self.languages}
        count = max((len(v) for v in lines.values()), default=0)
        return [
            {code: (lines[code][i] if i < len(lines[code]) else "") for code in self.languages} for i in range(count)
        ]

    def service_values(self) -> dict[str, Any]:
        """The arguments ``add_question`` and ``update_question`` share."""
        return {
            "kind": self.cleaned_data["kind"],
            "required": self.cleaned_data["required"],
            "texts": self.texts(),
            "choices": self.choices(),
        }


class GroupCodeForm(forms.Form):
    label = forms.CharField(
        max_length=200, label=_("Who runs the session"), help_text=_("For example: Nairobi Primary School, class 6")
    )
    facilitator = forms.CharField(
        max_length=200,
        label=_("Facilitator's name"),
        help_text=_("The adult with the children: the safeguarding lead calls them if a child may be at risk."),
    )
    facilitator_contact = forms.CharField(max_length=200, label=_("Facilitator's phone or e-mail"))


class EscalateForm(forms.Form):
    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Why does this answer worry you?"),
        help_text=_("Only the safeguarding lead reads this."),
    )


class FeedbackForm(forms.Form):
    """ "You said, we did", in every language of the consultation."""

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        if not args and "initial" not in kwargs:
            kwargs["initial"] = {
                f"feedback_{field_suffix(code)}": getattr(consultation, f"feedback_{field_suffix(code)}", "")
                for code in consultation.languages
            }
        super().__init__(*args, **kwargs)
        self.languages = [code for code in LANGUAGE_ORDER if code in consultation.languages]
        for code in self.languages:
            self.fields[f"feedback_{field_suffix(code)}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
                label=_language_label(str(_("What the group did with the views")), code),
            )

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"feedback_{field_suffix(code)}") or "" for code in self.languages}


class PackageForm(forms.Form):
    recipient = forms.CharField(max_length=250, label=_("Recipient"), help_text=_("The organisation or group"))
    recipient_kind = forms.ChoiceField(choices=RecipientKind.choices, label=_("Kind of recipient"))
    recipient_email = forms.EmailField(label=_("Recipient's e-mail address"))
    language = forms.ChoiceField(choices=Language.choices, initial=Language.ENGLISH, label=_("Language of the package"))


class CaseForm(forms.Form):
    status = forms.ChoiceField(choices=CaseStatus.choices, label=_("Status"))
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("What you did"))
