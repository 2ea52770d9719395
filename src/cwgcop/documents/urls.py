from django.urls import path, re_path

from cwgcop.documents.views import public

app_name = "documents"
urlpatterns = [
    path("", public.archive, name="archive"),
    re_path(r"^(?P<symbol>[A-Za-z0-9][A-Za-z0-9.\-/()]*?)/$", public.document_detail, name="detail"),
]
