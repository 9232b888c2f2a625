"""The WSGI application for gunicorn: `gunicorn wsgi:app`."""

from kb import create_app

app = create_app()
