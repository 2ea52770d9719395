"""Write the relevance suite's files with LibreOffice: each language version of each document of
``tests/search/relevance_suite/corpus.json`` as a PDF, a DOCX or an ODT (in turn), in ``files/`` beside it.

    python3 bench/make_relevance_files.py

Needs ``soffice`` (``apt-get install libreoffice-writer-nogui``) and fonts for Arabic and Chinese (fonts-noto-core,
fonts-noto-cjk). The files are committed, so the tests need neither.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "search" / "relevance_suite"
FORMATS = ("pdf", "docx", "odt")


def file_name(symbol: str, language: str, extension: str) -> str:
    return f"{symbol.replace('/', '-')}.{language}.{extension}"


def formats() -> dict[tuple[str, str], str]:
    """The format of each (symbol, language): in turn, so every language has files of each format."""
    corpus = json.loads((SUITE / "corpus.json").read_text(encoding="utf-8"))
    chosen: dict[tuple[str, str], str] = {}
    for number, (symbol, texts) in enumerate(corpus["documents"].items()):
        for offset, language in enumerate(texts):
            chosen[symbol, language] = FORMATS[(number + offset) % len(FORMATS)]
    return chosen


def main() -> None:
    corpus = json.loads((SUITE / "corpus.json").read_text(encoding="utf-8"))
    target = SUITE / "files"
    target.mkdir(exist_ok=True)
    chosen = formats()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        by_format: dict[str, list[str]] = {extension: [] for extension in FORMATS}
        for symbol, texts in corpus["documents"].items():
            for language, text in texts.items():
                source = folder / file_name(symbol, language, "txt")
                source.write_text(text + "\n", encoding="utf-8")
                by_format[chosen[symbol, language]].append(str(source))
        for extension, sources in by_format.items():
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--infilter=Text (encoded):UTF8",
                    "--convert-to",
                    extension,
                    "--outdir",
                    str(target),
                    *sources,
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    print(f"{sum(1 for _ in target.iterdir())} files in {target}")


if __name__ == "__main__":
    main()
