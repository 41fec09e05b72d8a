"""The mails of aanmelding, all through the forms outbox (``forms.mail.queue_mail``).

- ``registrations``: received, status mails, 'houd mij op de hoogte';
- ``evenings``: sign-up, waitlist move-up, cancellation, the reminder.

Each function is called inside the transaction that changes the data, so a
rolled-back change sends nothing.
"""

NOTICE = "forms/mail/notice"  # the template every mail here uses: greeting, paragraphs, one button
