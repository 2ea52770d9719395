from django.urls import path

from cwgcop.site.views import public

app_name = "bodies"
urlpatterns = [
    path("", public.body_list, name="list"),
    path("<slug:slug>/", public.body_detail, name="detail"),
]
