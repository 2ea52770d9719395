from modeltranslation.translator import TranslationOptions, register

from cwgcop.events.models import Event, EventSeries


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "venue")
