from modeltranslation.translator import TranslationOptions, register

from cwgcop.documents.models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
