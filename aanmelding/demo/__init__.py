"""Demo content of the registration app (part of ``manage.py load_demo_content``).

The code is in ``builders``, the texts and demo residents in ``texts``.
"""

from .builders import load

__all__ = ["load"]
