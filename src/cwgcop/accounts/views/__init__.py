"""The account pages: account (a person's own: home, profile, API tokens) and staff (roles in a body, history)."""
