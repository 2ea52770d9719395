"""A made-up group's first decade, as an archive to import: a body renamed in 2014, ten yearly meetings, documents
whose symbols follow three eras' conventions, revisions, and files in English, French and Chinese.

Not the demo's data: the body is a Council working group on digital literacy (CWG-DL), called WG-DL until 2014.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from cwgcop.bodies.enums import BodyKind
from cwgcop.bodies.models import Body
from cwgcop.demo import files

BODY = "CWG-DL"
FORMER = {
    "acronym": "WG-DL",
    "names": {"en": "Working Group on Digital Literacy", "fr": "Groupe de travail sur la culture numérique"},
    "valid_from": "2009-06-01",
    "valid_until": "2014-10-31",
}


def make_body() -> Body:
    body, _ = Body.objects.get_or_create(
        acronym=BODY,
        defaults={
            "slug": "cwg-dl",
            "symbol_prefix": BODY,
            "kind": BodyKind.COUNCIL_WORKING_GROUP,
            "name": "Council Working Group on Digital Literacy",
            "name_en": "Council Working Group on Digital Literacy",
            "name_fr": "Groupe de travail du Conseil sur la culture numérique",
        },
    )
    return body


def symbol_for(year: int, number: int) -> str:
    """Three eras: ``WG-DL/3/2`` before the renaming, ``C14/CWG-DL/5`` in 2014, ``CWG-DL-7/2`` since."""
    meeting = year - 2009
    if year < 2014:
        return f"WG-DL/{meeting}/{number}"
    if year == 2014:
        return f"C14/CWG-DL/{number}"
    return f"CWG-DL-{meeting}/{number}"


@functools.cache
def chinese_pdf() -> bytes:
    """Made once: a PDF carries the moment it was made, and the fixture's files must not change."""
    return files.make_pdf(symbol="X", title="修订", paragraphs=["数字素养"], language="zh-hans")


def _file(root: Path, name: str, content: bytes, language: str) -> dict[str, str]:
    path = f"files/{name}"
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_bytes(content)
    return {"language": language, "path": path, "name": name, "sha256": hashlib.sha256(content).hexdigest()}


def build_manifest(root: Path) -> dict[str, Any]:
    """Write the files under ``root`` and return the manifest (not yet written)."""
    meetings, documents = [], []
    for year in range(2010, 2020):
        number = year - 2009
        meetings.append(
            {
                "body": BODY,
                "number": number,
                "start_date": f"{year}-03-1{number % 10}",
                "end_date": f"{year}-03-1{number % 10}",
                "format": "in-person" if year < 2016 else "hybrid",
                "status": "held",
                "venues": {"en": "Geneva", "fr": "Genève"},
                "themes": {},
                "summaries": {},
                "participants_total": 20 + number * 3,
                "participants_onsite": None,
                "participants_remote": None,
            }
        )
        for doc in (1, 2):
            symbol = symbol_for(year, doc)
            topic = "inclusion of learners" if doc == 1 else "teacher training"
            text = f"Literacy report {symbol} on {topic}, year {year}."
            english = _file(root, f"{symbol.replace('/', '-')}-en.txt", text.encode(), "en")
            french = _file(root, f"{symbol.replace('/', '-')}-fr.txt", f"Rapport {symbol} {year}".encode(), "fr")
            revisions = [
                {
                    "number": 0,
                    "published_at": f"{year}-02-2{doc}T09:00:00+00:00",
                    "note": "",
                    "files": [english, french],
                }
            ]
            documents.append(
                {
                    "symbol": symbol,
                    "body": BODY,
                    "meeting": number,
                    "kind": "contribution" if doc == 1 else "information",
                    "original_language": "en",
                    "titles": {"en": f"Report {year}/{doc}", "fr": f"Rapport {year}/{doc}"},
                    "sources": [{"name": f"Ministry of Learning {doc}", "country": "FR" if doc == 1 else "SN"}],
                    "revisions": revisions,
                }
            )
    # An old-style revision written into the symbol, and a platform-style revision with its own date and a PDF.
    documents.append(
        {
            "symbol": "WG-DL/2/1 Rev.1",
            "body": BODY,
            "meeting": 2,
            "kind": "contribution",
            "original_language": "fr",
            "titles": {"fr": "Rapport révisé"},
            "sources": [],
            "revisions": [
                {
                    "number": 0,
                    "published_at": "2011-03-01T08:30:00+00:00",
                    "note": "",
                    "files": [_file(root, "rev1.txt", b"Revised literacy figures", "fr")],
                }
            ],
        }
    )
    documents[-2]["revisions"].append(
        {
            "number": 1,
            "published_at": "2019-04-02T10:00:00+00:00",
            "note": "Corrected figures",
            "files": [_file(root, "cwg-dl-10-2-rev1-zh.pdf", chinese_pdf(), "zh-hans")],
        }
    )
    return {
        "format": "cwgcop-archive",
        "version": 1,
        "bodies": [{"acronym": BODY, "former_names": [FORMER]}],
        "meetings": meetings,
        "documents": documents,
    }


def write_archive(root: Path, manifest: dict[str, Any] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    manifest = manifest if manifest is not None else build_manifest(root)
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return root
