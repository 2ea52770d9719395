from modeltranslation.translator import TranslationOptions, register

from cwgcop.bodies.models import Body, BodyName


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(BodyName)
class BodyNameTranslationOptions(TranslationOptions):
    fields = ("name",)
