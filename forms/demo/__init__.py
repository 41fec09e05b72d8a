"""Demo content of the forms app (part of ``manage.py load_demo_content``): two form pages.

The code is in ``builders``, the texts and questions in ``texts``.
"""

from .builders import load

__all__ = ["load"]
