"""Builds consultations/data/given_names/latin.txt from gender-guesser's nam_dict.txt (Jörg Michael's name
dictionary, GNU Free Documentation License), for the redaction of children's answers.

    pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg && unzip -o -q /tmp/gg/*.whl -d /tmp/gg
    python tools/build_given_names.py /tmp/gg/gender_guesser/data/nam_dict.txt

Kept: names written in one word that are at least fairly common (frequency class >= 2 of 13) in a country where
children answer in English, French or Spanish, or >= 2 in Arabia/Persia, Russia, Ukraine, Turkey, India, China or
"other countries" (mostly Africa and the Americas); since round 5 also names common (>= 3) in any other European
country, since the children of a class in London, Lyon or Madrid carry Polish, German, Romanian or Dutch names
("Kacper", "Oskar"); lower-cased, one per line. Left out: names that are also common words or places (the stop list
below, and CLDR's city, country and month names from Babel). The stop list's given names that are also words
("ruby", "grace", "clémence", "rocio") go to ``latin_also_words.txt``: a name only where it stands as one (in a full
name, after "my friend"), never alone at a sentence's start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location


def _split(words: str) -> list[str]:
    return words.split()


COUNTRIES = _split("""great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands
east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania poland
czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo macedonia montenegro serbia slovenia
albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans turkey arabia israel china
india japan korea vietnam other_countries""")
MAIN = {"great_britain": 2, "ireland": 2, "usa": 2, "spain": 2, "france": 2, "belgium": 2, "portugal": 2, "italy": 3}
# Since round 5: the rest of Europe. A name counts if it is common (class 3) in Poland or Romania, the largest
# European communities in British, French and Spanish classrooms, or in two other European countries.
DIASPORA = {"poland": 3, "romania": 3}
EUROPE = [c for c in COUNTRIES[: COUNTRIES.index("the_stans")] if c not in MAIN and c not in DIASPORA]
MORE = {"arabia": 2, "russia": 2, "ukraine": 2, "turkey": 2, "india": 2, "other_countries": 2, "china": 2}
# Given names that are also everyday words in English, French or Spanish (capitalised at a sentence's start).
ALSO_WORDS = set(
    _split("""will may june april august mark bill pat art rose grace hope joy faith sunny summer autumn winter
    holly ivy iris lily daisy jade ruby amber pearl crystal dawn eve sky river rain storm star angel
    honey candy cherry olive ginger rusty buddy chance page lane dale glen hunter cash king prince
    major guy jack frank earl baron duke sterling victory harmony melody trinity destiny liberty
    justice precious princess lucky happy mercy patience prudence unity gay carol misty brook brooks
    miles wade chase drew gene ray rod sandy penny dot bunny may mai moon sun son sonny don tom
    rosa luz paz sol mar cruz blanca dolores consuelo amparo pilar rocio flor estrella
    aurore céleste clémence constance espérance fleur marine océane prudence violette""")
)
STOP = set(
    _split("""will may june april august mark bill pat art rose grace hope joy faith sunny summer autumn winter
    holly ivy iris lily daisy jade ruby amber pearl crystal dawn eve sky river rain storm star angel
    honey candy cherry olive ginger rusty buddy chance page lane dale glen hunter cash king prince
    major guy jack frank earl baron duke sterling victory harmony melody trinity destiny liberty
    justice precious princess lucky happy mercy patience prudence unity gay carol misty brook brooks
    miles wade chase drew gene ray rod sandy penny dot bunny may mai moon sun son sonny don tom
    le la les de des du un une et on en au aux sur avec pour par mais ou donc car ni que qui
    el los las del con por para sin pero como mas todo nada
    rosa luz paz sol mar cruz blanca dolores consuelo amparo pilar rocio flor estrella
    aurore céleste clémence constance espérance fleur marine océane prudence violette
    nina ana eva ella eli abe ali al amin ahmed
    google apple samsung mercedes chevy porsche tesla alexa siri
    you your yours he she him her his hers it its we us our they them their me my mine myself the this that
    these those there here then than what which who whom whose when where why how all any some none one two
    three four five six seven eight nine ten and but not nor yet also only just very too much many more most
    can could would should shall must might may will did does done doing have has had having was were been
    being are is am get got go goes going went come came make made take took give gave see saw say said tell
    told know knew think thought want like love help call ask use work play read write talk chat text send
    good bad new old big small long little great best better last first next same other such own right left
    day days night time year years week month today home school class friend friends family mum mom dad
    people person child children kid kids boy boys girl girls man men woman women baby parent parents
    please thank thanks yes no ok okay sorry hello hi hey bye sure maybe never always often still again
    about after before from into over under with without for to of in on at by up down out off away back
    because if so as or while until since though although even ever every each both either neither
    phone phones game games video videos online internet app apps free safe scary sad happy angry
    nous vous ils elles mon ton son mes tes ses notre votre leur tout tous toute toutes rien bien mal
    très trop aussi encore jamais toujours parce quand comme avec sans sous chez vers entre pendant
    oui non merci salut bonjour ami amie amis jeu jeux école classe mère père frère sœur
    yo tú él ella nosotros ellos mi tu su nuestro muy también siempre nunca porque cuando donde
    sí gracias hola amigo amiga juego escuela clase madre padre hermano hermana casa día noche
    """)
) - {"ana", "eva", "ella", "nina", "ali", "amin", "ahmed"}


def places() -> set[str]:
    found: set[str] = set()
    for language in ("en", "fr", "es"):
        locale = Locale.parse(language)
        found |= {name.lower() for name in locale.territories.values()}
        found |= {name.lower() for name in locale.languages.values()}
        for width in ("wide", "abbreviated"):
            found |= {m.lower() for m in locale.months["format"][width].values()}
            found |= {d.lower() for d in locale.days["format"][width].values()}
    from babel.localedata import load

    for zone in load("en").get("zone_formats", {}):
        found.add(zone.lower())
    for language in ("en", "fr", "es"):
        for zone in Locale.parse(language).time_zones:
            try:
                found.add(get_timezone_location(zone, locale=language, return_city=True).lower())
            except Exception:  # noqa: S112 - a zone without a city
                continue
    return found


def main(path: str) -> None:
    names: set[str] = set()
    for raw in Path(path).read_bytes().decode("utf-8", "replace").splitlines():
        if not raw or raw[0] in "#=" or len(raw) < 31:
            continue
        name = raw[3:29].strip()
        if not name or "+" in name or " " in name or "-" in name or "\ufffd" in name:
            continue
        values = raw[30:].rstrip("$\r\n")
        freq = {c: int(v, 16) for c, v in zip(COUNTRIES, values, strict=False) if v.strip() and v in "123456789ABCD"}
        keep = (
            any(freq.get(c, 0) >= n for table in (MAIN, MORE, DIASPORA) for c, n in table.items())
            or sum(freq.get(c, 0) >= 3 for c in EUROPE) >= 2
        )
        if keep and len(name) > 2:
            names.add(name.lower())
    also_words = names & ALSO_WORDS - places()
    names -= STOP
    names -= places()
    out = Path(__file__).resolve().parents[1] / "src/cwgcop/consultations/data/given_names/latin.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    (out.parent / "latin_also_words.txt").write_text(
        "# Given names in Latin script that are also everyday words, one a line, lower case: a name only where it\n"
        "# stands as one (a full name, after a cue), never alone. Built by tools/build_given_names.py.\n"
        + "\n".join(sorted(also_words))
        + "\n",
        encoding="utf-8",
    )
    header = (
        "# Given names in Latin script, one a line, lower case. Built by tools/build_given_names.py from\n"
        "# gender-guesser 0.4.0's nam_dict.txt (name dictionary by Joerg Michael, GNU Free Documentation License;\n"
        "# see that script for what is kept and left out).\n"
    )
    out.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    sys.stdout.write(f"{out} {len(names)}\n")


if __name__ == "__main__":
    main(sys.argv[1])
