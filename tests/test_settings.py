"""Every setting is documented in the README, and every interface string is translated."""

import re

from babel.messages.pofile import read_po

from kb.i18n import TRANSLATIONS
from kb.settings import ROOT, SETTINGS


def test_every_setting_appears_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SETTINGS:
        assert f"KB_{name}" in readme, name


def test_the_russian_catalogue_translates_every_string():
    with open(TRANSLATIONS / "ru" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert not untranslated


def test_templates_hold_no_bare_interface_text():
    """Every visible word of a template comes through gettext (language and file format names excepted)."""
    names = ("English", "Русский", "BibTeX", "RIS", "BibTeX (.bib)", "RIS (.ris)")
    from bs4 import BeautifulSoup, Comment, Doctype

    jinja = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
    for template in (ROOT / "templates").rglob("*.html"):
        soup = BeautifulSoup(template.read_text(encoding="utf-8"), "html.parser")
        for text in soup.find_all(string=True):
            if isinstance(text, (Comment, Doctype)):
                continue
            bare = jinja.sub("", text).strip()
            assert not re.search(r"[A-Za-zА-Яа-я]{3,}", bare) or bare in names, (template.name, bare)
