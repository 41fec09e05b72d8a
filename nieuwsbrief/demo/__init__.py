"""Demo content of the newsletter (part of ``manage.py load_demo_content``), in this order:
practice examples and the share page, the subscribe page and subscribers, the archive with sent issues.
"""

from . import issues, practice, subscribers


def load(stdout):
    practice.load(stdout)
    subscribers.load(stdout)
    issues.load(stdout)


__all__ = ["load"]
