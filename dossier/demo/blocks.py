"""The dossier's own blocks in raw StreamField format, for the chapter texts (see dossier.blocks)."""


def registration_links(title=""):
    """The registration page and the next information evening, read from the data when shown."""
    return {"type": "registration_links", "value": {"title": title}}


def evaluation_meetings(form_page=None, title="Komende tussenevaluaties", link_text=""):
    """The coming interim evaluations, read when shown; ``form_page``: the evaluation form, or None."""
    return {
        "type": "evaluation_meetings",
        "value": {
            "title": title,
            "form_page": form_page.pk if form_page is not None else None,
            "form_link_text": link_text or "Vul het formulier tussenevaluatie in",
        },
    }
