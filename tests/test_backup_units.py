"""The nightly backup's systemd units (deploy/systemd/buurtpreventie-backup.*) pass
``systemd-analyze verify``, run as the site's user, hardened, and keep the backups private."""

import subprocess

# pytestmark: the same skip as the other units' test (only where systemd-analyze is missing, never in CI).
from tests.test_deploy_units import SYSTEMD_ANALYZE, UNITS, pytestmark, unit_for_this_checkout  # noqa: F401


def test_the_backup_service_and_timer_pass_systemd_analyze_verify(tmp_path):
    assert SYSTEMD_ANALYZE, "systemd-analyze is missing; CI must have it (apt-get install systemd)"
    (tmp_path / "env").write_text("DJANGO_SETTINGS_MODULE=settings.production\n")
    units = [
        unit_for_this_checkout(UNITS / name, tmp_path)
        for name in ("buurtpreventie-backup.service", "buurtpreventie-backup.timer")
    ]
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", "--man=no", *map(str, units)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    remarks = [line for line in result.stderr.splitlines() if "buurtpreventie-backup" in line or "Unknown" in line]
    assert remarks == [], result.stderr


def test_the_backup_runs_nightly_as_the_site_user_and_keeps_its_files_private():
    service = (UNITS / "buurtpreventie-backup.service").read_text().splitlines()
    for line in (
        "Type=oneshot",
        "User=buurtpreventie",
        "EnvironmentFile=/etc/buurtpreventie/env",
        "ExecStart=/srv/buurtpreventie/.venv/bin/python manage.py backup_site --keep 14",
        "UMask=0077",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ReadWritePaths=/var/backups/buurtpreventie",
        "Environment=BACKUP_DIR=/var/backups/buurtpreventie",
    ):
        assert line in service, f"the backup service lacks {line}"
    timer = (UNITS / "buurtpreventie-backup.timer").read_text().splitlines()
    assert "OnCalendar=*-*-* 02:30:00" in timer
    assert "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer
