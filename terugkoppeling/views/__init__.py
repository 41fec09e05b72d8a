"""Views of terugkoppeling: the team page behind each team link (``teams``)."""
