from modeltranslation.translator import TranslationOptions, register

from cwgcop.reports.models import CouncilReport, GoverningText


@register(GoverningText)
class GoverningTextTranslationOptions(TranslationOptions):
    fields = ("citation", "text", "items")


@register(CouncilReport)
class CouncilReportTranslationOptions(TranslationOptions):
    fields = ("council_session", "focus_areas", "financial_implications", "action_required", "strategic_plan")
