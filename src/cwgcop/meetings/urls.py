from django.urls import path

from cwgcop.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<slug:body>/<int:number>/", views.meeting_detail, name="detail"),
]
