"""Interface language: Flask-Babel catalogues, the browser's preference and the visible switch."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, request
from flask_babel import Babel, get_locale

LOCALES = ("en", "ru")
COOKIE = "kb_locale"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def select_locale() -> str:
    """The switch's cookie first, then the browser's Accept-Language, then the default."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LOCALES:
        return chosen
    return request.accept_languages.best_match(LOCALES) or current_app.config["DEFAULT_LOCALE"]


def ui_lang() -> str:
    """The interface language of this request: "en" or "ru"."""
    return str(get_locale() or "en")


def compile_catalogues(directory: Path = TRANSLATIONS) -> None:
    """Compile each messages.po whose .mo is missing or older (the .mo files are not in git)."""
    for po_path in directory.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        tmp = mo_path.with_suffix(".mo.tmp")
        with tmp.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        tmp.replace(mo_path)


def init_app(app: Flask) -> None:
    compile_catalogues()
    Babel(app, locale_selector=select_locale,
          default_translation_directories=str(TRANSLATIONS))
    if app.config["DEFAULT_LOCALE"] not in LOCALES:
        app.config["DEFAULT_LOCALE"] = "en"
