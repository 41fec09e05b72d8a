"""Demo content of terugkoppeling (part of ``manage.py load_demo_content``).

The code is in ``builders``, the texts, departments and the demo teams' matters in ``texts``.
"""

from .builders import load

__all__ = ["load"]
