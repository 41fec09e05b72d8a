"""Who may read patrol reports and handle signals.

Declared on PatrolReport's Meta and granted to "Behandelaars meldingen" by migration;
checked by permission, never by group name.
"""

HANDLE_SIGNALS_PERMISSION = "terugkoppeling.handle_signals"
HANDLERS_GROUP = "Behandelaars meldingen"
