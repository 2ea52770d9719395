"""The documents tests' fixtures."""

from tests.archive import archive  # noqa: F401 - the archive the API tests read
from tests.s3 import s3_bucket, s3_endpoint  # noqa: F401 - the S3-compatible server of the storage tests
