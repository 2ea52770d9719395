"""What every app's API router shares: one shape of error, pagination, common schemas and addresses.

Imports no domain app: each app's router and schemas live in the app (``<app>/api.py``, ``<app>/schemas.py``);
the API root that mounts them is ``cwgcop.site.api``.
"""
