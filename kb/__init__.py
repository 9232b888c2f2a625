"""The Flask app: search, browse and read the knowledge base in Russian and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.settings import ROOT, SETTINGS, resolve_paths

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                "script-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",   # frame-ancestors 'none' for browsers that predate CSP 2
    # No page needs a device or a powerful feature: refuse them all, to any frame or script.
    "Permissions-Policy": ("accelerometer=(), autoplay=(), camera=(), display-capture=(), "
                           "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), "
                           "microphone=(), midi=(), payment=(), usb=()"),
}


if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Defaults, then KB_* environment variables, then the test mapping; then hooks and blueprints."""
    from flask import Flask  # here, not at the top: `kb index` and `kb import` run without Flask

    app = Flask(__name__, template_folder=str(ROOT / "templates"))
    app.config.from_mapping({name: default for name, (default, _) in SETTINGS.items()})
    app.config.from_prefixed_env("KB")
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from indexer.content.render import render_markdown
    from kb import (
        api,
        compare,
        errors,
        exports,
        feeds,
        i18n,
        limits,
        monitoring,
        openapi,
        pages,
        reports,
        resources,
        roles,
        urls,
    )

    limits.init_app(app)
    resources.init_app(app, resolve_paths(app.config))
    i18n.init_app(app)
    urls.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(roles.bp)
    app.register_blueprint(compare.bp)
    app.register_blueprint(openapi.bp)
    errors.init_app(app)
    monitoring.init_app(app)
    app.jinja_env.globals.update(render_markdown=render_markdown)

    @app.after_request
    def secure(response):
        response.headers.update(SECURITY_HEADERS)
        return response

    return app
