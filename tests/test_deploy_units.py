"""The systemd units in deploy/systemd pass ``systemd-analyze verify``.

The units name the production folders (/srv/buurtpreventie, /etc/buurtpreventie/env); verify
checks that the commands they start exist, so the test puts this checkout and its venv in
their place. Any remark of verify (an unknown key, a typo in a section) fails the test.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "deploy" / "systemd"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")

pytestmark = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None and not os.environ.get("CI"),
    reason="systemd-analyze is not installed (apt-get install systemd); CI runs this.",
)


def unit_for_this_checkout(source, folder):
    text = source.read_text()
    text = text.replace("/srv/buurtpreventie/.venv/bin/", f"{Path(sys.executable).parent}/")
    text = text.replace("/srv/buurtpreventie", str(ROOT))
    text = text.replace("/etc/buurtpreventie/env", str(folder / "env"))
    # A template is verified as one of its instances.
    name = source.name.replace("@.service", "@8001.service")
    (folder / name).write_text(text)
    return folder / name


@pytest.mark.parametrize(
    "name",
    ["buurtpreventie-web@.service", "buurtpreventie-worker.service", "buurtpreventie-scheduler.service"],
)
def test_the_unit_passes_systemd_analyze_verify(name, tmp_path):
    assert SYSTEMD_ANALYZE, "systemd-analyze is missing; CI must have it (apt-get install systemd)"
    (tmp_path / "env").write_text("DJANGO_SETTINGS_MODULE=settings.production\n")
    unit = unit_for_this_checkout(UNITS / name, tmp_path)
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", "--man=no", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    remarks = [line for line in result.stderr.splitlines() if unit.name in line or "Unknown" in line]
    assert remarks == [], result.stderr


@pytest.mark.parametrize(
    "name",
    ["buurtpreventie-web@.service", "buurtpreventie-worker.service", "buurtpreventie-scheduler.service"],
)
def test_the_unit_runs_as_its_own_user_hardened_and_restarts(name):
    text = (UNITS / name).read_text()
    for line in (
        "User=buurtpreventie",
        "EnvironmentFile=/etc/buurtpreventie/env",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "Restart=on-failure",
    ):
        assert line in text.splitlines(), f"{name} lacks {line}"


def test_the_web_unit_runs_gunicorn_with_the_deploy_configuration_on_the_instance_port():
    text = (UNITS / "buurtpreventie-web@.service").read_text()
    assert "Environment=GUNICORN_BIND=127.0.0.1:%i" in text
    assert "gunicorn -c /srv/buurtpreventie/deploy/gunicorn.conf.py" in text
    assert "ReadWritePaths=/srv/buurtpreventie/media" in text


def test_a_broken_unit_fails_the_check(tmp_path):
    assert SYSTEMD_ANALYZE
    broken = tmp_path / "broken.service"
    broken.write_text("[Service]\nExecStart=/nonexistent/gunicorn\n")
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", "--man=no", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0
