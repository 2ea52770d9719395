"""Importing a group's history, under /staff/imports/ (namespace ``staff:history``)."""

from django.urls import path

from cwgcop.history import views

app_name = "history"
urlpatterns = [
    path("", views.import_list, name="imports"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/import/", views.import_run, name="run"),
]
