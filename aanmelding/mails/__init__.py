"""The mails of aanmelding, all through the forms outbox (``forms.mail.queue_mail``).

- ``registrations``: received, status mails, 'houd mij op de hoogte';
- ``evenings``: sign-up, waitlist move-up, cancellation, the reminder.

Each function is called inside the transaction that changes the data, so a
rolled-back change sends nothing.
"""

from functools import partial

from forms import mail as forms_mail

NOTICE = "forms/mail/notice"  # the template every mail here uses: greeting, paragraphs, one button

# Every mail of this app says it is the app's: the admin's read-only outbox shows it to handlers only.
SOURCE = "aanmelding"
queue_mail = partial(forms_mail.queue_mail, source=SOURCE)
