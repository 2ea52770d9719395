"""Synthetic archive for benchmarks: N published documents across meetings, deterministic."""

from __future__ import annotations

import datetime
import hashlib
import random

from django.db import transaction
from django.utils import timezone

from cwgcop.bodies.models import Body, Organization
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.meetings.models import Meeting

WORDS = [
    "child",
    "online",
    "protection",
    "age",
    "verification",
    "helplines",
    "industry",
    "cooperation",
    "safety",
    "platform",
    "youth",
    "participation",
    "standards",
    "encryption",
    "guidelines",
    "privacy",
    "education",
    "awareness",
    "capacity",
    "policy",
]
KINDS = ["contribution", "information", "liaison-statement", "chairs-summary", "outcome"]


def seed_archive(count: int, seed: int = 7) -> str:
    """Insert ``count`` published documents (rows only; files are not read by the pages). Returns a symbol."""
    rng = random.Random(seed)
    with transaction.atomic():
        body, _ = Body.objects.get_or_create(
            acronym="CWG-COP",
            defaults={
                "slug": "cwg-cop",
                "name": "Council Working Group on Child Online Protection",
                "kind": "cwg",
                "symbol_prefix": "CWG-COP",
            },
        )
        organizations = [
            Organization.objects.get_or_create(name=f"Organisation {i}", country=c)[0]
            for i, c in enumerate(["CH", "CN", "SA", "BR", "FR", "RU", "KE", "IN"])
        ]
        meetings = []
        for number in range(1, 26):
            start = datetime.date(2010, 3, 1) + datetime.timedelta(days=200 * number)
            meetings.append(
                Meeting.objects.get_or_create(
                    body=body,
                    number=number,
                    defaults={
                        "start_date": start,
                        "end_date": start + datetime.timedelta(days=1),
                        "venue": "Geneva",
                        "format": "hybrid",
                        "status": "held",
                        "participants_total": rng.randint(60, 200),
                    },
                )[0]
            )
        now = timezone.now()
        documents = []
        for i in range(count):
            meeting = meetings[i % len(meetings)]
            title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
            documents.append(
                Document(
                    symbol=f"{meeting.code}/B{i + 1}",
                    body=body,
                    meeting=meeting,
                    kind=KINDS[i % len(KINDS)],
                    title=title,
                    title_en=title,
                    status="published",
                    published_at=now - datetime.timedelta(hours=count - i),
                )
            )
        Document.objects.bulk_create(documents, batch_size=2000)
        documents = list(Document.objects.filter(symbol__contains="/B").order_by("id"))
        revisions = DocumentRevision.objects.bulk_create(
            [DocumentRevision(document=d, number=0, published_at=d.published_at) for d in documents], batch_size=2000
        )
        files = []
        for revision in revisions:
            for language in ("en", "zh-hans"):
                digest = hashlib.sha256(f"{revision.document_id}-{language}".encode()).hexdigest()
                files.append(
                    DocumentFile(
                        revision=revision,
                        language=language,
                        original_name=f"doc-{revision.document_id}.pdf",
                        storage_key=f"documents/{digest[:2]}/{digest}.pdf",
                        sha256=digest,
                        size=rng.randint(20_000, 2_000_000),
                        media_type="application/pdf",
                        page_count=rng.randint(1, 40),
                    )
                )
        DocumentFile.objects.bulk_create(files, batch_size=4000)
        for organization, document in zip(organizations * (count // 8 + 1), documents, strict=False):
            document.sources.add(organization)
    return documents[len(documents) // 2].symbol
