"""Word accuracy of PDF text extractors on PDFs made by real producers, in the six languages. Prints a table.

    python3 bench/extraction_accuracy.py [--keep FOLDER]

For each language a text is written as a DOCX (python-docx) and as an ODT, and LibreOffice (``soffice
--headless``, Writer's PDF export) turns both into PDFs; a scanned-like PDF is made of the first page's picture
(pdftoppm, then Pillow), without a text layer. Each PDF is read by pypdf, pdfminer.six, pypdfium2 and poppler's
pdftotext; a reader's word accuracy is the share of the text's words (the search's tokens, folded and not
stemmed: words, and Chinese bigrams) found in what it extracted, counted with their repetitions. "suspect" counts
the extractions ``cwgcop.search.extraction.looks_wrong`` marks for the secretariat.

Needs LibreOffice (``apt-get install libreoffice-writer-nogui``), poppler-utils and fonts for Arabic and Chinese
(fonts-noto-core, fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TEXTS = {
    "en": (
        "Child helplines answer calls from young people who face bullying, grooming or abuse online. "
        "National helplines share their data with regulators and industry so that platforms can remove harmful "
        "content quickly. Age verification and parental controls are part of a wider strategy that includes "
        "education in schools, awareness campaigns for parents and cooperation between law enforcement agencies."
    ),
    "fr": (
        "Les lignes d'assistance pour l'enfance répondent aux appels des jeunes victimes de harcèlement, de "
        "pédopiégeage ou d'abus en ligne. Les opérateurs mobiles et les plateformes numériques coopèrent avec les "
        "autorités afin de retirer rapidement les contenus préjudiciables. La vérification de l'âge et le contrôle "
        "parental s'inscrivent dans une stratégie nationale qui comprend l'éducation à l'école."
    ),
    "es": (
        "Las líneas de ayuda a la infancia atienden llamadas de niños, niñas y adolescentes que sufren acoso, "
        "captación o abusos en línea. Las plataformas digitales colaboran con los reguladores para eliminar con "
        "rapidez los contenidos nocivos. La verificación de la edad y el control parental forman parte de una "
        "estrategia nacional que incluye la educación en las escuelas y campañas de sensibilización."
    ),
    "ru": (
        "Телефоны доверия для детей принимают звонки от подростков, которые сталкиваются с травлей, "
        "грумингом или насилием в интернете. Национальные службы делятся данными с регуляторами и "
        "компаниями, чтобы платформы быстрее удаляли вредный контент. Проверка возраста и родительский "
        "контроль входят в национальную стратегию, которая включает обучение в школах."
    ),
    "ar": (
        "تتلقى خطوط مساعدة الأطفال مكالمات من الشباب الذين يتعرضون للتنمر أو الاستدراج أو الإساءة عبر الإنترنت. "
        "وتتبادل الخطوط الوطنية بياناتها مع الجهات التنظيمية والصناعة حتى تتمكن المنصات من إزالة المحتوى الضار "
        "بسرعة. ويشكل التحقق من العمر والرقابة الأبوية جزءا من استراتيجية وطنية تشمل التعليم في المدارس "
        "وحملات التوعية للآباء والتعاون بين أجهزة إنفاذ القانون."
    ),
    "zh-hans": (
        "儿童求助热线接听遭受网络欺凌、诱骗或虐待的青少年的电话。国家热线与监管机构和行业共享数据，"
        "以便平台迅速删除有害内容。年龄验证和家长控制是国家战略的一部分，该战略包括学校教育、"
        "面向家长的宣传活动以及执法机构之间的合作。"
    ),
}


def soffice(source: Path, target_format: str, folder: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target_format, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{source.stem}.{target_format.split(':', maxsplit=1)[0]}"


def make_pdfs(folder: Path) -> list[tuple[str, str, Path]]:
    """(language, producer, pdf) for every language: LibreOffice from DOCX, LibreOffice from ODT, scanned."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from PIL import Image

    made: list[tuple[str, str, Path]] = []
    for language, text in TEXTS.items():
        document = docx.Document()
        for paragraph in (text, text):  # two paragraphs: a line break inside the page as well
            written = document.add_paragraph(paragraph)
            # Justified, and right to left for Arabic, as the secretariat's documents are.
            written.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if language == "ar":
                written.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
        source = folder / f"{language}-docx.docx"
        document.save(str(source))
        made.append((language, "LibreOffice from DOCX", soffice(source, "pdf", folder)))
        odt = soffice(source, "odt", folder)
        odt_copy = folder / f"{language}-odt.odt"
        odt.rename(odt_copy)
        made.append((language, "LibreOffice from ODT", soffice(odt_copy, "pdf", folder)))
        picture = folder / f"{language}-scan"
        subprocess.run(
            ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(made[-1][2]), str(picture)],
            check=True,
            timeout=120,
        )
        scanned = folder / f"{language}-scan.pdf"
        Image.open(f"{picture}.png").convert("L").save(scanned, "PDF", resolution=150)
        made.append((language, "scanned (no text layer)", scanned))
    return made


def read_pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def read_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def read_pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def read_pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-q", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8", errors="replace")


READERS: dict[str, Callable[[Path], str]] = {
    "pypdf": read_pypdf,
    "pdfminer.six": read_pdfminer,
    "pypdfium2": read_pypdfium2,
    "pdftotext": read_pdftotext,
}


def words(text: str) -> Counter[str]:
    from cwgcop.search.text import spans

    return Counter(span.token for span in spans(text))


def accuracy(truth: str, extracted: str) -> float:
    expected = words(truth + "\n" + truth)
    found = words(extracted)
    return sum((expected & found).values()) / sum(expected.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="a folder to keep the PDFs in")
    arguments = parser.parse_args()
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
    os.environ.setdefault("CWGCOP_TESTING", "true")
    django.setup()
    from cwgcop.search.extraction import looks_wrong

    with tempfile.TemporaryDirectory() as temporary:
        folder = arguments.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        pdfs = make_pdfs(folder)
        scores: dict[tuple[str, str], dict[str, float]] = {}
        suspect: Counter[str] = Counter()
        for language, producer, path in pdfs:
            for name, reader in READERS.items():
                try:
                    text = reader(path)
                except Exception as exc:
                    print(f"# {name} failed on {path.name}: {exc!r}", file=sys.stderr)
                    text = ""
                scores.setdefault((producer, name), {})[language] = accuracy(TEXTS[language], text)
                suspect[name] += bool(text.strip()) and bool(looks_wrong(text))
    languages = list(TEXTS)
    print("| producer | reader | " + " | ".join(languages) + " | mean |")
    print("|---|---|" + "---:|" * (len(languages) + 1))
    for (producer, name), by_language in scores.items():
        values = [by_language[code] for code in languages]
        cells = " | ".join(f"{value:.3f}" for value in values)
        print(f"| {producer} | {name} | {cells} | {sum(values) / len(values):.3f} |")
    print()
    texts = [(producer, name) for producer, name in scores if not producer.startswith("scanned")]
    for name in READERS:
        mean = [
            v
            for (producer, reader), s in scores.items()
            if reader == name and (producer, name) in texts
            for v in s.values()
        ]
        print(
            f"{name}: mean word accuracy on PDFs with a text layer {sum(mean) / len(mean):.3f}; "
            f"extractions marked suspect {suspect[name]}"
        )


if __name__ == "__main__":
    main()
