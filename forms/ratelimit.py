"""Per-address rate limit on POSTs, shared by every server process.

Every public form counts the POSTs of one client address in the cache alias
``FORMS_RATELIMIT_CACHE`` (``"ratelimit"``: a database cache, so all gunicorn
workers share one count). Over the limit (default 10 POSTs a minute) the
answer is HTTP 429 with a Dutch page (``forms/rate_limited.html``) and a
``Retry-After`` header. GET requests are never counted.

The window starts at an address's first POST and lasts ``window`` seconds;
counting is atomic (``cache.add`` + ``cache.incr``, see ``forms.cache``).

Client address: ``REMOTE_ADDR``, unless ``FORMS_TRUSTED_PROXY_COUNT`` is set
to the number of reverse proxies in front of the site; then the address that
many hops from the right in ``X-Forwarded-For`` (what the outermost trusted
proxy saw). Anything left of it can be forged by the client and is ignored.
IPv6 addresses are counted per /64, which is what one household usually gets.
Addresses are stored only as a keyed hash.

``network_key(request)`` names the client's *network* (IPv4 /24, IPv6 /48) as
a keyed hash, for caps that one actor with many addresses must not get
around (the seats per network of an information evening).

Use one of:

- ``check_rate_limit(request, "aanmelding")``: ``None``, or the 429 response
  to return (for Wagtail pages' ``serve()``);
- ``@rate_limit("aanmelding")`` on a function view;
- ``RateLimitMixin`` on a class-based view (``rate_limit_key`` attribute);
- ``rate_limited(request, key_prefix)`` when only a yes/no is needed;
- ``hit()`` to count something else than a POST (a miss), ``current_count()`` to read the count.
"""

import functools
import ipaddress
from dataclasses import dataclass

from django.core.cache import caches
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from . import conf

DEFAULT_LIMIT = 10
DEFAULT_WINDOW = 60
TEMPLATE = "forms/rate_limited.html"


def client_address(request):
    """The client's address as this site can trust it (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = int(conf.get("FORMS_TRUSTED_PROXY_COUNT") or 0)
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops and _parse(forwarded[-hops]) is not None:
            return forwarded[-hops]
    return remote


def _parse(address):
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def _bucket(address):
    ip = _parse(address)
    if ip is None:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_network(request):
    """The client's network: IPv4 /24 or IPv6 /48 (what one provider customer or one hoster holds), or None."""
    ip = _parse(client_address(request))
    if ip is None:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 48}", strict=False)


def network_key(request):
    """A keyed hash of ``client_network(request)``: stored instead of the address itself."""
    return salted_hmac("forms.ratelimit.network", str(client_network(request) or "unknown")).hexdigest()[:32]


@dataclass(frozen=True)
class RateLimit:
    count: int
    limit: int
    window: int

    @property
    def allowed(self):
        return self.count <= self.limit

    @property
    def retry_after(self):
        # The window started at most `window` seconds ago; waiting that long is always enough.
        return self.window


def _key(request, key_prefix):
    digest = salted_hmac("forms.ratelimit", _bucket(client_address(request))).hexdigest()[:32]
    return f"ratelimit:{key_prefix}:{digest}"


def current_count(request, key_prefix):
    """How often this client was counted for ``key_prefix`` in the running window, without counting.

    For limits on failures (wrong team links): only a miss is counted, but over
    the limit every request is refused.
    """
    return caches[conf.get("FORMS_RATELIMIT_CACHE")].get(_key(request, key_prefix), 0)


def hit(request, key_prefix, limit=DEFAULT_LIMIT, window=DEFAULT_WINDOW):
    """Count one request of this client for ``key_prefix``; returns a ``RateLimit``."""
    key = _key(request, key_prefix)
    cache = caches[conf.get("FORMS_RATELIMIT_CACHE")]
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window)
            count = 1
    return RateLimit(count=count, limit=limit, window=window)


def rate_limited(request, key_prefix, limit=DEFAULT_LIMIT, window=DEFAULT_WINDOW):
    """Count a POST and tell whether it is over the limit; GETs are never limited."""
    if request.method != "POST":
        return False
    return not hit(request, key_prefix, limit, window).allowed


def rate_limited_response(request, retry_after=DEFAULT_WINDOW):
    response = render(request, TEMPLATE, {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def check_rate_limit(request, key_prefix, limit=DEFAULT_LIMIT, window=DEFAULT_WINDOW):
    """``None`` if this request may go on, else the 429 response to return."""
    if request.method != "POST":
        return None
    result = hit(request, key_prefix, limit, window)
    if result.allowed:
        return None
    return rate_limited_response(request, result.retry_after)


def rate_limit(key_prefix, limit=DEFAULT_LIMIT, window=DEFAULT_WINDOW):
    """Decorator for a function view: limit its POSTs."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limited = check_rate_limit(request, key_prefix, limit, window)
            return limited if limited is not None else view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimitMixin:
    """For class-based views: limit POSTs per address before anything else runs."""

    rate_limit_key = None  # defaults to the view's class name
    rate_limit_limit = DEFAULT_LIMIT
    rate_limit_window = DEFAULT_WINDOW

    def dispatch(self, request, *args, **kwargs):
        key = self.rate_limit_key or type(self).__name__
        limited = check_rate_limit(request, key, self.rate_limit_limit, self.rate_limit_window)
        if limited is not None:
            return limited
        return super().dispatch(request, *args, **kwargs)
