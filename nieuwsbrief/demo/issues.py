"""Demo content: issues (filled in by its part of issue #11)."""


def load(stdout):
    return None
