"""cwgcop — the open platform that runs an intergovernmental working group and publishes its work."""

__version__ = "0.1.0"
