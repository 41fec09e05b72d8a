"""Run-time and development requirements apart: a production install pulls in no test tool or browser driver."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_ONLY = {"playwright", "axe-playwright-python", "greenlet", "pytest", "pytest-django", "pytest-xdist", "hypothesis"}
DEV_ONLY |= {"ruff", "import-linter", "grimp", "factory-boy", "faker", "wagtail-factories", "time-machine"}


def pins(name):
    """``{package: version}`` of a requirements file, names normalised; every line must be an exact pin."""
    found = {}
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("-r "):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9][A-Za-z0-9.\-+]*)", line)
        assert match, f"{name}: not an exact pin: {line!r}"
        found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def test_the_site_needs_no_test_tools_or_browser_driver():
    runtime = pins("requirements.txt")
    assert {"django", "wagtail", "gunicorn", "psycopg"} <= runtime.keys()
    assert not DEV_ONLY & runtime.keys()


def test_make_test_installs_the_site_requirements_plus_the_tools():
    dev_file = (REPO / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "-r requirements.txt" in dev_file.splitlines()
    dev = pins("requirements-dev.txt")
    assert DEV_ONLY <= dev.keys()
    assert not dev.keys() & pins("requirements.txt").keys()  # each package pinned in one place
