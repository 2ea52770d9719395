"""The WSGI application: Django's, behind the page-cache front (cwgcop.core.cache.PageCacheApp)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
django_application = get_wsgi_application()

from django.urls import get_resolver  # noqa: E402

from cwgcop.consultations import disclosure_model, redaction  # noqa: E402
from cwgcop.core.cache import PageCacheApp  # noqa: E402 - needs the settings that get_wsgi_application loaded
from cwgcop.search import candidates, chinese, text  # noqa: E402

application = PageCacheApp(django_application)
# Each server process loads its URL configuration (and with it every view, the API and the report builder) and
# builds the snippets' folding tables, the stemmers and the Chinese dictionary of the search as it starts, not in
# the first requests it answers (about a second each).
get_resolver().url_patterns  # noqa: B018 - the property's value is the loading
candidates.warm()
# jieba's Chinese dictionary and the given-name list (about 2 s and 130 MB): loaded now, not while the first child
# who writes in Chinese waits for their answer to be saved.
redaction.warm_up()
disclosure_model.model()  # the learned disclosure detector's weights (0.5 MB of JSON)
text.warm_stemmers()
chinese.warm()
# What the process loaded to start is kept for its life: out of the garbage collector's full passes, which
# otherwise walk all of it (a fresh server's first 8 s at one connection: p99 130 ms without, 53 ms with).
gc.freeze()
