"""Photos that teams send with a practice example: checked, cleaned and stored as Wagtail images.

A photo is accepted as JPEG, PNG or HEIC (what phones make) up to ``MAX_BYTES``.
It is opened with Pillow, verified and decoded in full, turned upright by its EXIF
orientation and written anew as a JPEG without any metadata: EXIF, GPS position
and camera details do not survive. Anything else is a ``ValidationError`` in
Dutch; nothing is stored until ``store_photo()`` is called with the cleaned bytes.
"""

import io
import warnings

import pillow_heif
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

pillow_heif.register_heif_opener()

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 2400  # pixels: larger photos are scaled down, which also keeps the stored file small
ACCEPTED_FORMATS = {"JPEG", "PNG", "HEIF"}
COLLECTION_NAME = "Ingezonden foto's"
AGAIN = "Kies de foto opnieuw, of verstuur je voorbeeld zonder foto."
TOO_BIG_MESSAGE = f"De foto is groter dan 5 MB. Verklein hem of kies een andere. {AGAIN}"
NOT_AN_IMAGE_MESSAGE = f"Dit bestand is geen foto die we kunnen gebruiken: kies een JPEG-, PNG- of HEIC-foto. {AGAIN}"
CHOOSE_AGAIN_MESSAGE = (
    "Je foto is nog niet verstuurd: na een foutmelding moet je hem opnieuw kiezen. "
    "Verbeter de andere velden en kies de foto daarna nog een keer."
)
BROKEN_MESSAGE = f"Deze foto is beschadigd of niet helemaal verstuurd en kan niet worden geopend. {AGAIN}"


def _open(data):
    """The decoded image in ``data``; a ValidationError for anything that is not a whole JPEG, PNG or HEIC."""
    try:
        with warnings.catch_warnings():
            # A small file that unpacks to a gigantic image is refused, not decoded.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ValidationError(NOT_AN_IMAGE_MESSAGE, code="photo_format")
                probe.verify()
            # verify() checks the structure only; decoding every pixel finds a truncated file.
            image = Image.open(io.BytesIO(data))
            image.load()
    except ValidationError:
        raise
    except UnidentifiedImageError as error:
        raise ValidationError(NOT_AN_IMAGE_MESSAGE, code="photo_format") from error
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(BROKEN_MESSAGE, code="photo_broken") from error
    return image


def clean_photo(uploaded):
    """The uploaded file as clean JPEG bytes (upright, no metadata), or a ValidationError."""
    if uploaded.size > MAX_BYTES:
        raise ValidationError(TOO_BIG_MESSAGE, code="photo_too_big")
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(TOO_BIG_MESSAGE, code="photo_too_big")
    image = _open(data)
    try:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
            # JPEG has no transparency: what was see-through becomes white.
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, "white")
            image.paste(rgba, mask=rgba.getchannel("A"))
        else:
            image = image.convert("RGB")
        output = io.BytesIO()
        # A fresh image with only pixels: no exif, icc or other info is written.
        image.save(output, format="JPEG", quality=85, optimize=True)
    except (OSError, ValueError) as error:
        raise ValidationError(BROKEN_MESSAGE, code="photo_broken") from error
    return output.getvalue()


def submissions_collection():
    """The image collection of submitted photos, made the first time it is needed."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def store_photo(jpeg_bytes, title):
    """A Wagtail image of cleaned JPEG bytes (from ``clean_photo``), in the submissions' collection."""
    image = get_image_model()(
        title=title[:255],
        collection=submissions_collection(),
        file=ImageFile(io.BytesIO(jpeg_bytes), name="praktijkvoorbeeld.jpg"),
    )
    image.save()
    return image
