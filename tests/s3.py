"""An S3-compatible server for the tests: moto in server mode, started as its own process on a free port, so the
storage code talks HTTP through boto3 exactly as it does to a real bucket."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from cwgcop.settings import s3_storage

ACCESS_KEY = "cwgcop-test-key"
SECRET_KEY = "cwgcop-test-secret"
REGION = "eu-central-2"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("moto's S3 server did not start") from None
            time.sleep(0.1)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


def s3_client(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


@pytest.fixture
def s3_bucket(s3_endpoint: str, settings: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty bucket, made the platform's file storage for the test (the production settings' options)."""
    bucket = f"cwgcop-{abs(hash(request.node.nodeid)) % 10**12}"
    s3 = s3_client(s3_endpoint)
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    environ = {
        "CWGCOP_S3_BUCKET": bucket,
        "CWGCOP_S3_ENDPOINT_URL": s3_endpoint,
        "CWGCOP_S3_REGION": REGION,
        "CWGCOP_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "CWGCOP_S3_SECRET_ACCESS_KEY": SECRET_KEY,
    }
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(environ)}
    yield bucket
    for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
        s3.delete_object(Bucket=bucket, Key=item["Key"])
    s3.delete_bucket(Bucket=bucket)


def keys(endpoint: str, bucket: str) -> list[str]:
    return sorted(item["Key"] for item in s3_client(endpoint).list_objects_v2(Bucket=bucket).get("Contents", []))
