"""The mails of terugkoppeling, all through the forms outbox (``forms.mail.queue_mail``).

- ``signals``: a status change to the team's coordinator, a forwarded signal to its department.

Each function is called inside the transaction that changes the signal, so a
rolled-back change sends nothing.
"""

from functools import partial

from forms import mail as forms_mail

NOTICE = "forms/mail/notice"  # the shared template: greeting, paragraphs, one button

# The outbox admin shows these mails to whoever may handle signals (see apps.py).
queue_mail = partial(forms_mail.queue_mail, source="terugkoppeling")
