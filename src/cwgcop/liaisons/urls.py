from django.urls import path

from cwgcop.liaisons.views import public

app_name = "liaisons"
urlpatterns = [
    path("liaisons/", public.register, name="register"),
    path("liaisons/<int:pk>/", public.statement_detail, name="detail"),
    path("workplan/", public.workplan, name="workplan"),
    path("workplan/<slug:slug>/", public.deliverable_detail, name="deliverable"),
]
