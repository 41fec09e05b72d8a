#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

# The project configuration lives in the folder ``site/``. A package called
# ``site`` can never be imported: Python imports its own standard-library
# module ``site`` at start-up. So ``site/`` is a plain folder that we put on
# the import path, and its modules are imported as ``settings.dev``, ``urls``
# and ``wsgi``. gunicorn gets ``--pythonpath site`` and pytest
# ``pythonpath = site`` for the same reason.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
