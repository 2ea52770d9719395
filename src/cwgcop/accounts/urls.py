from django.urls import path

from cwgcop.accounts.views import account

app_name = "accounts"
urlpatterns = [
    path("", account.home, name="home"),
    path("profile/", account.profile, name="profile"),
    path("tokens/", account.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", account.token_revoke, name="token-revoke"),
]
