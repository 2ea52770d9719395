from modeltranslation.translator import TranslationOptions, register

from cwgcop.meetings.models import ActionItem, AgendaItem, Meeting, Outcome


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("venue", "themes", "summary")


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Outcome)
class OutcomeTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(ActionItem)
class ActionItemTranslationOptions(TranslationOptions):
    fields = ("description",)
