"""Factories and helpers of the practice-example tests (tests/nieuwsbrief/test_practice_*.py)."""

import io
from datetime import date, timedelta

import factory
import pillow_heif
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from nieuwsbrief.models import PracticeExampleIndexPage, PracticeExamplePage, ShareExamplePage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = Theme


class PracticeExampleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"

    class Meta:
        model = PracticeExampleIndexPage


class PracticeExamplePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Voorbeeld {n}")
    summary = "Wat een team deed."
    team_name = "Team Noorderpark"
    wijk = "Noorderpark"
    date = factory.Sequence(lambda n: date(2026, 1, 1) + timedelta(days=n))
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Wat we deden", "level": "h2"}},
            {"type": "paragraph", "value": "<p>We liepen een rondje.</p>"},
        ]
    )

    class Meta:
        model = PracticeExamplePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)
            obj.save_revision().publish()


class ShareExamplePageFactory(wagtail_factories.PageFactory):
    title = "Deel je praktijkvoorbeeld"
    slug = "deel-je-praktijkvoorbeeld"

    class Meta:
        model = ShareExamplePage


GPS_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,22.0N"/></rdf:RDF></x:xmpmeta>'
)


def image_bytes(kind="JPEG", size=(64, 48), color=(200, 80, 40), exif=None):
    """A small picture as bytes: JPEG, PNG or HEIF; ``exif`` an ``Image.Exif`` to embed (a JPEG gets
    the same position in XMP too, as phones write it)."""
    picture = Image.new("RGB", size, color)
    output = io.BytesIO()
    if kind == "HEIF":
        pillow_heif.from_pillow(picture).save(output, quality=50)
    elif exif is not None and kind == "JPEG":
        picture.save(output, format=kind, exif=exif, xmp=GPS_XMP)
    elif exif is not None:
        picture.save(output, format=kind, exif=exif)
    else:
        picture.save(output, format=kind)
    return output.getvalue()


def gps_exif():
    """EXIF with a GPS position (Amsterdam), a camera name and an orientation (rotated 90°)."""
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 0.0), 3: "E", 4: (4.0, 53.0, 0.0)}  # GPSInfo
    return exif


def make_image(title="Foto", **kwargs):
    data = image_bytes(**kwargs)
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(data), name="foto.jpg"))
    image.save()
    return image
