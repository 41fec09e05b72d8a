"""The newsletter's mails, one module per part.

All go through the forms outbox (``forms.mail.queue_mail``), each function
called inside the transaction that changes the data, so a rolled-back change
sends nothing; except the issues themselves (``issues``): thousands of the same
mail are Delivery rows, sent by the worker's batches (``nieuwsbrief.batches``).
"""
