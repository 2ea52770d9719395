"""The site tests' fixtures."""

from tests.archive import archive  # noqa: F401 - the archive the backup tests restore
