from modeltranslation.translator import TranslationOptions, register

from cwgcop.meetings.models import Meeting


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("venue",)
