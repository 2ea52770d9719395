from modeltranslation.translator import TranslationOptions, register

from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone


@register(LiaisonStatement)
class LiaisonStatementTranslationOptions(TranslationOptions):
    fields = ("title", "text")


@register(Deliverable)
class DeliverableTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("title",)
