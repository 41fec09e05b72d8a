from .issues import Delivery, NewsletterArchivePage, NewsletterIssuePage, NewsletterSending
from .practice import PracticeExampleIndexPage, PracticeExamplePage, PracticeExampleSubmission, ShareExamplePage
from .subscribers import SubscribePage, Subscriber
from .themes import Theme

__all__ = [
    "Delivery",
    "NewsletterArchivePage",
    "NewsletterIssuePage",
    "NewsletterSending",
    "PracticeExampleIndexPage",
    "PracticeExamplePage",
    "PracticeExampleSubmission",
    "ShareExamplePage",
    "SubscribePage",
    "Subscriber",
    "Theme",
]
