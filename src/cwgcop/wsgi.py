"""The WSGI application: Django's, behind the page-cache front (cwgcop.core.cache.PageCacheApp)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
django_application = get_wsgi_application()

from cwgcop.core.cache import PageCacheApp  # noqa: E402 - needs the settings that get_wsgi_application loaded
from cwgcop.search import candidates  # noqa: E402

application = PageCacheApp(django_application)
# Each server process builds the snippets' folding tables as it starts, not in the first search it answers.
candidates.warm()
