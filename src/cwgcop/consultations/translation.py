from modeltranslation.translator import TranslationOptions, register

from cwgcop.consultations.models import Choice, Consultation, Question


@register(Consultation)
class ConsultationTranslationOptions(TranslationOptions):
    fields = ("title", "introduction", "privacy_notice", "feedback")


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
