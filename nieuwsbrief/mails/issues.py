"""The mail of a newsletter issue: rendered once per issue, personalised per subscriber.

Unlike the other mails of the site these do not go through the forms outbox:
an issue is thousands of the same mail, so each subscriber's copy is a
``Delivery`` row and its message is built here from the sending's rendered
body when the worker sends it (``nieuwsbrief.sending``).

- ``render_issue_mail(issue)``: ``(subject, html, text)``, the HTML with its
  CSS inlined (css-inline) once; the personal links are placeholders;
- ``build_message(delivery)``: one subscriber's message: the placeholders
  filled in (escaped for HTML), ``List-Unsubscribe`` (https and mailto) and
  ``List-Unsubscribe-Post`` (RFC 8058), the Message-ID made with the snapshot;
- ``send_test_mail(issue, user)``: the same mail to an editor's own address,
  with harmless links instead of personal ones.
"""

import re
from html.parser import HTMLParser

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forms.consent import municipality_settings
from forms.mail import absolute_url, render_mail

from .. import links

TEMPLATE = "nieuwsbrief/mail/issue"
# Stand-ins for the personal links in the rendered body; plain letters, so inlining leaves them alone.
MANAGE_PLACEHOLDER = "NIEUWSBRIEF-PERSOONLIJKE-PAGINA"
UNSUBSCRIBE_PLACEHOLDER = "NIEUWSBRIEF-AFMELDEN"
TEST_SUBJECT_PREFIX = "Testmail: "

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)
# A link or image on this site written as a path: a mail needs the whole address.
_SITE_PATH = re.compile(r'(\s(?:href|src)=")/(?!/)')


def web_url(issue):
    """The issue's web version, as a full address."""
    return absolute_url(issue.url)


def _absolute_links(html):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return _SITE_PATH.sub(lambda match: f"{match[1]}{base}/", html)


def render_sections(issue):
    """The issue's sections as mail HTML: each block's own template, told ``for_mail``."""
    context = {"page": issue, "issue": issue, "for_mail": True}
    return "".join(str(child.render(context=context)) for child in issue.sections)


def render_issue_mail(issue, *, test_mail=False):
    """``(subject, html, text)`` of the issue's mail, with placeholders for the personal links."""
    subject = " ".join(issue.subject.split())  # one line: no header injection
    sections_html = _absolute_links(render_sections(issue))
    context = {
        "subject": subject,
        "municipality": municipality_settings(),
        "issue": issue,
        "web_url": web_url(issue),
        "sections_html": mark_safe(sections_html),
        "sections_text": html_to_text(sections_html),
        "test_mail": test_mail,
        "manage_url": MANAGE_PLACEHOLDER,
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
    }
    text, html = render_mail(TEMPLATE, context)
    return subject, _inliner.inline(_absolute_links(html)), text


def personalise(html, text, *, manage_url, unsubscribe_url):
    """The body with the personal links filled in: escaped in the HTML, as they are in the text."""
    html = html.replace(MANAGE_PLACEHOLDER, escape(manage_url)).replace(
        UNSUBSCRIBE_PLACEHOLDER, escape(unsubscribe_url)
    )
    text = text.replace(MANAGE_PLACEHOLDER, manage_url).replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url)
    return html, text


def new_message_id():
    from_email = settings.DEFAULT_FROM_EMAIL
    return make_msgid(domain=from_email.rpartition("@")[2] or None)


def reply_to_addresses():
    """Answers go to the municipality's contact address (the site settings), not to the sending address."""
    municipality = municipality_settings()
    return [municipality.contact_email] if municipality is not None and municipality.contact_email else None


def batch_context():
    """What every mail of a batch shares, looked up once: the reply-to address and the personal links' paths."""
    return {"reply_to": reply_to_addresses(), "links": links.PersonalLinks()}


def _message(subject, html, text, to, message_id, extra_headers=None, connection=None, reply_to=None):
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=reply_to,
        connection=connection,
        headers={
            # RFC 3834: auto-responders do not answer a newsletter.
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
            "Message-ID": message_id,
            **(extra_headers or {}),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def build_message(delivery, connection=None, context=None):
    """The message of one delivery: the sending's body with this subscriber's links and headers.

    ``context``: ``batch_context()``, looked up once for a whole batch; without it, it is looked up now.
    """
    context = context or batch_context()
    sending, subscriber = delivery.sending, delivery.subscriber
    manage_url, unsubscribe_url, headers = context["links"].for_subscriber(subscriber)
    html, text = personalise(
        sending.body_html, sending.body_text, manage_url=manage_url, unsubscribe_url=unsubscribe_url
    )
    return _message(
        sending.subject, html, text, subscriber.email, delivery.message_id, headers, connection, context["reply_to"]
    )


def harmless_link(issue):
    """Where the personal links of a test mail lead: the subscription page, or else the web version."""
    page = links.subscribe_page()
    return absolute_url(page.url) if page is not None else web_url(issue)


def send_test_mail(issue, user):
    """Send the issue to ``user``'s own address, now; returns the address.

    Straight through the mail backend, not the outbox: the editor sees at once
    whether the mail server took it. The address need not be a subscriber, so
    the mail carries no personal links and no List-Unsubscribe headers. It
    shows the latest version, also a draft not published yet, so editors can
    check their changes before asking for approval.
    """
    if not user.email:
        raise ValueError("This account has no e-mail address.")
    subject, html, text = render_issue_mail(issue.get_latest_revision_as_object(), test_mail=True)
    link = harmless_link(issue)
    html, text = personalise(html, text, manage_url=link, unsubscribe_url=link)
    message_id = new_message_id()
    _message(TEST_SUBJECT_PREFIX + subject, html, text, user.email, message_id, reply_to=reply_to_addresses()).send()
    return user.email


class _TextExtractor(HTMLParser):
    """HTML to readable plain text: blocks on their own lines, list items with a dash, links with their address."""

    BLOCKS = {"p", "div", "section", "article", "header", "footer", "ul", "ol", "table", "tr", "figure", "blockquote"}
    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    SKIP = {"style", "script", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS or tag in self.HEADINGS:
            if not self._in_fresh_list_item():
                self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")

    def _in_fresh_list_item(self):
        """True right after "- ": a card inside a list item starts on the dash's line, not below it."""
        for part in reversed(self.parts):
            if part == "\n- ":
                return True
            if part.strip():
                return False
        return False

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS or tag in self.HEADINGS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith("#"):
                self.parts.append(f" ({href})")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html):
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(" {2,}", " ", line.strip()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
