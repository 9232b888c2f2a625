"""Write the `countries:` vocabulary of content/taxonomy.yaml from ISO 3166-1 (pycountry).

Run once when ISO 3166 changes (`pip install pycountry`; it is no runtime dependency):

    python scripts/make_countries.py [content/taxonomy.yaml]

Slug = the English short name (pycountry's common name where it has one), lowercased,
accents dropped, every run of other characters one hyphen: `nigeria`, `cabo-verde`,
`cote-d-ivoire`. The Russian label is pycountry's translation (iso-codes). Only the
`countries:` block is replaced; regions and every other vocabulary stay as edited.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

TAXONOMY = Path(__file__).resolve().parent.parent / "content" / "taxonomy.yaml"
# alpha-2 -> (English label, slug) where ISO's name is "X, Y of" with no common short name.
ENGLISH = {
    "BQ": "Bonaire, Sint Eustatius and Saba",
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "VA": "Holy See",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}
# alpha-2 -> Russian label where the knowledge base's reports use another form than iso-codes.
RUSSIAN = {
    "KG": "Кыргызстан",         # the form of the seed's country study and of the Kyrgyz state
    "US": "Соединённые Штаты",  # iso-codes writes «штаты» in lower case
    "TW": "Тайвань",
}
# Not in ISO 3166-1 but named in evaluation reports (user-assigned code XK).
EXTRA = {"kosovo": {"en": "Kosovo", "ru": "Косово"}}


def slug_of(name: str) -> str:
    """'Côte d'Ivoire' -> 'cote-d-ivoire'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def countries() -> dict[str, dict[str, str]]:
    """slug -> {"en", "ru"} for every ISO 3166-1 country, sorted by slug."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    found = dict(EXTRA)
    for country in pycountry.countries:
        english = ENGLISH.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        if "," in english and country.alpha_2 not in ENGLISH:
            raise SystemExit(f"{country.alpha_2} {country.name}: give it a short English name in ENGLISH")
        labels = {"en": english, "ru": RUSSIAN.get(country.alpha_2) or russian.gettext(country.name)}
        slug = slug_of(english)
        if slug in found:
            raise SystemExit(f"two countries would share the slug `{slug}`")
        found[slug] = labels
    return dict(sorted(found.items()))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def block(found: dict) -> str:
    lines = ["countries:  # ISO 3166-1, written by scripts/make_countries.py; regions are above"]
    lines += [f"  {slug}: {{en: {quoted(labels['en'])}, ru: {quoted(labels['ru'])}}}"
              for slug, labels in found.items()]
    return "\n".join(lines) + "\n"


def main(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^countries:.*\n(?:[ \t]+.*\n|\n)*", text, flags=re.M)
    if not match:
        raise SystemExit(f"{path}: no top-level `countries:` block to replace")
    found = countries()
    path.write_text(text[:match.start()] + block(found) + "\n" + text[match.end():].lstrip("\n"),
                    encoding="utf-8")
    print(f"{path}: {len(found)} countries")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TAXONOMY)
