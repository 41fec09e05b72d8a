"""WSGI entry point. Run with ``gunicorn --pythonpath site wsgi``.

``site/`` is on the import path rather than a package: see manage.py.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

application = get_wsgi_application()
