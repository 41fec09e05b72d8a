"""The newsletter's mails, all through the forms outbox (``forms.mail.queue_mail``), one module per part.

Each function is called inside the transaction that changes the data, so a
rolled-back change sends nothing.
"""
