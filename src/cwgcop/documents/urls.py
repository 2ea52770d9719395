from django.urls import path, re_path

from cwgcop.documents.symbols import SYMBOL_URL
from cwgcop.documents.views import public

app_name = "documents"
urlpatterns = [
    path("", public.archive, name="archive"),
    re_path(rf"^{SYMBOL_URL}/$", public.document_detail, name="detail"),
]
