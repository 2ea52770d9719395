from modeltranslation.translator import TranslationOptions, register

from cwgcop.bodies.models import Body


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "description")
