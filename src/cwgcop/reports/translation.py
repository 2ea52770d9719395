from modeltranslation.translator import TranslationOptions, register

from cwgcop.reports.models import Mandate


@register(Mandate)
class MandateTranslationOptions(TranslationOptions):
    fields = (
        "establishment",
        "terms_of_reference",
        "mandate_intro",
        "mandate_items",
        "resolutions",
        "purpose_basis",
        "action_required",
        "strategic_plan",
        "financial_implications",
        "focus_areas",
    )
