"""Role management and history pages, included under /staff/ (namespace ``staff:accounts``)."""

from django.urls import path

from cwgcop.accounts.views import care
from cwgcop.accounts.views import staff as account_staff

app_name = "accounts"
urlpatterns = [
    path("bodies/<slug:slug>/roles/", account_staff.roles, name="body-roles"),
    path("bodies/<slug:slug>/roles/grant/", account_staff.role_grant, name="body-role-grant"),
    path("bodies/<slug:slug>/roles/<int:pk>/revoke/", account_staff.role_revoke, name="body-role-revoke"),
    path("accounts/", care.accounts, name="accounts"),
    path("accounts/<int:pk>/", care.account, name="account"),
    path("history/<str:object_type>/<str:object_id>/", account_staff.history, name="history"),
]
