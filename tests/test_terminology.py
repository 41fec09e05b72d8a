"""One word per concept across the site, the forms and the mails.

The site says informatiebijeenkomst, intakegesprek (or intake), app-groep and
boa; never informatieavond, kennismakingsgesprek, buurtapp, appgroep or BOA. The
Begrippen chapter may name each rejected word once, to say which word the site
uses instead.
"""

import io
import re
import tokenize
from pathlib import Path

import pytest
from django.conf import settings

from aanmelding.forms.evenings import EveningSignupForm
from aanmelding.forms.registrations import RegistrationForm, RoundAlertForm
from aanmelding.models import RegistrationPage
from nieuwsbrief.forms.practice import ShareExampleForm
from nieuwsbrief.forms.subscribers import SubscribeForm
from tests.demo_pages import demo_pages  # noqa: F401 (a fixture)

# Rejected word -> (pattern, the word to use).
REJECTED = {
    "informatieavond": (re.compile(r"informatieavond", re.IGNORECASE), "informatiebijeenkomst"),
    "kennismakingsgesprek": (re.compile(r"kennismakingsgesprek", re.IGNORECASE), "intakegesprek"),
    "buurtapp": (re.compile(r"buurtapp", re.IGNORECASE), "app-groep"),
    "appgroep": (re.compile(r"appgroep", re.IGNORECASE), "app-groep"),
    "BOA": (re.compile(r"\bBOA"), "boa"),
}
# The page that explains the words: each rejected word at most this often.
GLOSSARY_SLUG = "begrippen"
GLOSSARY_ALLOWED = 1

ROOT = Path(settings.BASE_DIR)
MAIL_MODULES = ["aanmelding/mails", "nieuwsbrief/mails", "terugkoppeling/mails", "forms/mail.py"]
MAIL_TEMPLATES = ["templates/forms/mail", "templates/nieuwsbrief/mail", "templates/forms/form_page_notification.txt"]
PUBLIC_FORMS = [RegistrationForm, RoundAlertForm, EveningSignupForm, SubscribeForm, ShareExampleForm]


def rejected_words(text):
    """``{rejected word: how often}`` in ``text``."""
    found = {}
    for word, (pattern, _) in REJECTED.items():
        count = len(pattern.findall(text))
        if count:
            found[word] = count
    return found


def report(where, found):
    return [f"{where}: ‘{word}’ ({count}×), gebruik ‘{REJECTED[word][1]}’" for word, count in found.items()]


def files(paths, suffixes):
    for path in paths:
        path = ROOT / path
        yield from sorted(p for p in path.rglob("*") if p.suffix in suffixes) if path.is_dir() else [path]


# Python 3.12 splits an f-string into parts; 3.11 keeps it one STRING token.
STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def string_literals(path):
    """The strings in a Python module (not its names or comments): what a mail can say."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    return "\n".join(token.string for token in tokens if token.type in STRING_TOKENS)


def template_text(path):
    """A template without its tags and comments."""
    return re.sub(r"\{%.*?%\}|\{#.*?#\}", " ", path.read_text(), flags=re.DOTALL)


def form_texts(form):
    """Every label, help text, choice and error message a form can show."""
    texts = []
    for field in form.fields.values():
        texts += [str(field.label or ""), str(field.help_text or "")]
        texts += [str(message) for message in field.error_messages.values()]
        texts += [str(label) for _, label in getattr(field, "choices", [])]
    return "\n".join(texts)


def test_the_check_finds_each_rejected_word():
    text = "De informatieavond, een kennismakingsgesprek, de buurtapp, de appgroep en de BOA."
    assert rejected_words(text) == dict.fromkeys(REJECTED, 1)
    assert rejected_words("De informatiebijeenkomst, het intakegesprek, de app-groep en de boa's.") == {}


@pytest.mark.django_db
def test_demo_pages_use_one_word_per_concept(demo_pages):  # noqa: F811
    problems = []
    for url, page, text in demo_pages.texts():
        found = rejected_words(text)
        if page.slug == GLOSSARY_SLUG:
            found = {word: count for word, count in found.items() if count > GLOSSARY_ALLOWED}
        problems += report(url, found)
    # The registration page's mails, as the demo wrote them.
    for page in RegistrationPage.objects.all():
        for field in ("confirmation_mail_text", *[name for pair in page.STATUS_MAIL_FIELDS.values() for name in pair]):
            problems += report(f"{page.url} ({field})", rejected_words(getattr(page, field)))
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_public_forms_use_one_word_per_concept(rf):
    problems = []
    for form_class in PUBLIC_FORMS:
        problems += report(form_class.__name__, rejected_words(form_texts(form_class(request=rf.get("/")))))
    assert not problems, "\n".join(problems)


def test_mails_use_one_word_per_concept():
    problems = []
    for path in files(MAIL_MODULES, {".py"}):
        problems += report(path.relative_to(ROOT), rejected_words(string_literals(path)))
    for path in files(MAIL_TEMPLATES, {".html", ".txt"}):
        problems += report(path.relative_to(ROOT), rejected_words(template_text(path)))
    assert not problems, "\n".join(problems)
