"""The meetings tests' fixtures."""

from tests.archive import archive  # noqa: F401 - the archive the API tests read
