"""Request logs without signed-link tokens (``forms.tokens.mask_tokens``).

Two places write request paths down:

- Django's loggers: ``django.request`` (every 404 and 500, with the path),
  ``django.server`` (runserver's access log), ``django.security`` (bad hosts,
  CSRF failures). ``MaskTokensFilter`` is installed on the handlers in
  ``LOGGING`` (site/settings/base.py): a handler's filter sees every record
  that reaches it, also those of child loggers, which a logger's filter does not.
- gunicorn's access log and error log: ``MaskingGunicornLogger``, the
  ``logger_class`` of deploy/gunicorn.conf.py.

The message is formatted once, masked, and stored in place of the format and
its arguments; a traceback is formatted and masked too (an exception's text
may hold the path).
"""

import logging

from .tokens import mask_tokens


class MaskTokensFilter(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        masked = mask_tokens(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_tokens(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_tokens(record.stack_info)
        return True


def _with_mask(logger):
    if not any(isinstance(existing, MaskTokensFilter) for existing in logger.filters):
        logger.addFilter(MaskTokensFilter())


try:
    from gunicorn.glogging import Logger as GunicornLogger
except ImportError:  # gunicorn runs the site in production only; tests and runserver do without
    GunicornLogger = None

if GunicornLogger is not None:

    class MaskingGunicornLogger(GunicornLogger):
        """gunicorn's logger, with the tokens taken out of every access- and error-log line."""

        def setup(self, cfg):
            super().setup(cfg)
            _with_mask(self.access_log)
            _with_mask(self.error_log)
