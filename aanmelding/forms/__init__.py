"""The public forms of aanmelding: ``registrations`` (registration, 'houd mij op de hoogte') and ``evenings``."""
