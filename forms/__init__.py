"""Shared machinery for every public form of the site.

One small library, one module per concern:

- ``forms.base``       ``PublicForm`` / ``PublicModelForm`` (spam protection,
                       accessible rendering, the request); ``PublicFormPageMixin``,
                       the Wagtail page mixin that serves one form with hooks;
                       ``PublicFormHandler`` for a second form on a page;
                       ``process_public_form`` and ``PublicFormView`` for views.
- ``forms.spam``       honeypot and signed render timestamp (``is_spam()``).
- ``forms.ratelimit``  per-address limit on POSTs (HTTP 429).
- ``forms.consent``    consent checkbox linking the privacy statement.
- ``forms.fields``     Dutch postcode, phone, name and e-mail fields.
- ``forms.rendering``  form renderer and templates in ``templates/forms/``.
- ``forms.tokens``     signed, expiring tokens for links in mails; ``mask_tokens``
                       takes them out of log lines (``forms.log_masking``).
- ``forms.views``      ``ConfirmActionView``: a mail link shows a button, acts on POST;
                       ``page_view()`` serves a view as a sub-page of a form page.
- ``forms.mail``       ``queue_mail``: the transactional outbox; ``absolute_url``.
- ``forms.outbox``     sending the outbox: claim, lease, retries, the sweep.
- ``forms.tasks``      background tasks that send the outbox.
- ``forms.health``     ``/healthz``: database, worker heartbeat, outbox backlog;
                       ``forms.dashboard``: the same on the admin dashboard.
- ``forms.export``     CSV and XLSX downloads that neutralise formulas.
- ``forms.admin``      admin plumbing for submissions: access by permission,
                       403 pages, filters, export cells.
- ``forms.retention``  ``retention_cutoff()`` for purges.
- ``forms.testing``    helpers for other apps' tests.

Dependencies: ``forms`` may import ``home``; it never imports a feature app
(checked by ``lint-imports``, see pyproject.toml).
"""
