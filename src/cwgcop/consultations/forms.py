"""The form a child fills in: an age group, a country, optionally gender, and the questions. Nothing else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cwgcop.consultations.enums import AgeBand, Gender, QuestionKind, RejectionReason
from cwgcop.consultations.models import Consultation
from cwgcop.consultations.services import Submission


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
        if consultation.consent_required_bands:
            self.fields["group_code"] = forms.CharField(
                required=False,
                max_length=20,
                label=_("Group code (from your school or helpline)"),
                help_text=_("Needed for: %(bands)s")
                % {"bands": ", ".join(str(AgeBand(b).label) for b in consultation.consent_required_bands)},
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
