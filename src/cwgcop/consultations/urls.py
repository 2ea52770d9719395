from django.urls import path

from cwgcop.consultations.views import public, staff

app_name = "consultations"
urlpatterns = [
    path("help/", public.help_page, name="help"),
    path("<slug:slug>/", public.take_part, name="detail"),
    path("<slug:slug>/answer/", public.answer, name="answer"),
    path("<slug:slug>/results/", public.results_page, name="results"),
    path("<slug:slug>/receipt/", public.receipt, name="receipt"),
    path("<slug:slug>/moderation/", staff.moderation, name="moderation"),
    path("<slug:slug>/moderation/<int:pk>/", staff.moderate, name="moderate"),
    path("<slug:slug>/safeguarding/", staff.safeguarding, name="safeguarding"),
    path("<slug:slug>/safeguarding/<int:pk>/", staff.act, name="act"),
]
