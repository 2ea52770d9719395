"""Sign-up that answers alike for a known and an unknown address.

allauth already answers both with the same page and sends one e-mail either way ("confirm your address" or
"you already have an account"), both through the task queue (``AccountAdapter.send_mail``). What still told
them apart was time: a new account's password is hashed (hundreds of milliseconds, on purpose), a known
address skipped it. The known address's sign-up now hashes the password it was given too, with the same hasher,
and throws the hash away.
"""

from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest


class EqualWorkSignupForm(SignupForm):
    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))  # the work a new account's password costs
        user, response = super().try_save(request)
        return user, response
