"""Demo content of the dossier: the roles and the dossier "Buurtpreventie" with its chapters.

``load(stdout)`` is called by ``manage.py load_demo_content`` after
``home.demo.load``, which made the home page and the service pages. The code
is in ``builders``, the texts in ``texts`` (one module per chapter).
"""

from .builders import load

__all__ = ["load"]
