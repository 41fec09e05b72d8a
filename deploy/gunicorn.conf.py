"""gunicorn's configuration for one app server: ``gunicorn -c deploy/gunicorn.conf.py``.

Everything host-specific comes from the environment (the Django settings read
their own: DJANGO_SETTINGS_MODULE, DATABASE_URL, DJANGO_SECRET_KEY ...):

========================  ================  ==========================================
variable                  default           meaning
========================  ================  ==========================================
GUNICORN_BIND             127.0.0.1:8000    address:port (or unix:/path) to listen on
GUNICORN_WORKERS          2 × cores + 1     worker processes
GUNICORN_THREADS          1                 threads per worker
GUNICORN_TIMEOUT          30                seconds before a stuck worker is restarted
GUNICORN_ACCESS_LOG       -                 access log file; "-" is stdout, "" none
GUNICORN_ERROR_LOG        -                 error log file; "-" is stderr
GUNICORN_LOG_LEVEL        info              debug, info, warning, error
GUNICORN_FORWARDED_ALLOW_IPS  127.0.0.1     proxies whose X-Forwarded-Proto is believed
========================  ================  ==========================================

The logger takes signed-link tokens out of every access- and error-log line
(``forms.log_masking.MaskingGunicornLogger``); the access log also writes the
address the proxy forwards (X-Forwarded-For) and the time taken.
"""

import multiprocessing
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# site/ holds settings, urls and wsgi (see manage.py); the root holds the apps, the logger among them.
for folder in (ROOT, ROOT / "site"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
pythonpath = f"{ROOT / 'site'},{ROOT}"
chdir = str(ROOT)
wsgi_app = "wsgi:application"
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'settings.production')}"]

bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")]
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "buurtpreventie"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Apache's combined format, then the forwarded client address and the time taken in milliseconds.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" "%({x-forwarded-for}i)s" %(M)sms'
logger_class = "forms.log_masking.MaskingGunicornLogger"
