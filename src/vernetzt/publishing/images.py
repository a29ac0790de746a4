"""Checking and re-encoding uploaded photos with Pillow.

Every stored file is a fresh JPEG made from the decoded pixels: EXIF (camera, GPS), XMP,
IPTC, ICC data and JPEG comments of the upload are not copied. Checks happen before
decoding: the file's size, its type by content (Pillow reads only the header), its
dimensions (an image bomb is refused without being decoded).
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 30 * 1024 * 1024  # per photo
MAX_PIXELS = 60_000_000  # e.g. 9,500 x 6,300; more is refused before decoding
MAX_ZIP_MEMBERS = 300
MAX_ZIP_TOTAL = 400 * 1024 * 1024  # bytes, all members unpacked (held in memory meanwhile)
MAX_ZIP_RATIO = 20  # unpacked / packed per member: photos barely compress, bombs by 1,000s
WEB_SIZE = 2000
THUMB_SIZE = 640
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard as a second line


class ImageRejected(Exception):
    """An upload cannot be used; the message says why, in the user's language.

    `reason`: "size", "type", "pixels" or "broken".
    """

    def __init__(self, message: str, reason: str = "type"):
        super().__init__(message)
        self.reason = reason


@dataclass
class Processed:
    name: str
    web: bytes
    thumbnail: bytes
    width: int = 0
    height: int = 0


def _encode(image: Image.Image, size: int) -> bytes:
    copy = image.copy()
    copy.info = {}  # no JPEG comment, EXIF, XMP, ICC or IPTC of the upload is carried over
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def process(name: str, data: bytes) -> Processed:
    """Check one file and return its web size and thumbnail as clean JPEGs.

    Raises ImageRejected for too large files, files that are not photos, or image bombs.
    """
    if len(data) > MAX_BYTES:
        raise ImageRejected(
            _("%(name)s is larger than %(max)s MB.") % {"name": name, "max": MAX_BYTES >> 20},
            "size",
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
    except Image.DecompressionBombError:
        raise ImageRejected(_("%(name)s has too many pixels.") % {"name": name}, "pixels") from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ImageRejected(
            _("%(name)s is not a photo (JPEG, PNG or WebP).") % {"name": name}
        ) from None
    if kind not in ALLOWED_FORMATS:
        raise ImageRejected(_("%(name)s is not a photo (JPEG, PNG or WebP).") % {"name": name})
    if width * height > MAX_PIXELS or width <= 0 or height <= 0:
        raise ImageRejected(
            _("%(name)s has too many pixels (%(width)s x %(height)s).")
            % {"name": name, "width": width, "height": height},
            "pixels",
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", (WEB_SIZE, WEB_SIZE))  # decode at a reduced scale: faster
            image.load()
            image = ImageOps.exif_transpose(image)
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.thumbnail((WEB_SIZE, WEB_SIZE), Image.Resampling.LANCZOS)
            size = image.size
            web = _encode(image, WEB_SIZE)
            thumbnail = _encode(image, THUMB_SIZE)
    except (OSError, Image.DecompressionBombError, ValueError, SyntaxError):
        raise ImageRejected(_("%(name)s could not be read.") % {"name": name}, "broken") from None
    return Processed(name=name, web=web, thumbnail=thumbnail, width=size[0], height=size[1])


def unpack(name: str, data: bytes) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The files inside a ZIP archive, read in memory (nothing is written to disk).

    Entries with absolute paths or "..", folders and hidden files are skipped with a
    message. A ZIP bomb is refused whole before anything is unpacked: more than
    MAX_ZIP_MEMBERS entries, more than MAX_ZIP_TOTAL bytes unpacked in all, or an entry
    that unpacks to more than MAX_ZIP_RATIO times its packed size. Reading never goes past
    the sizes the archive declares. Returns (files, problems).
    """
    files, problems = [], []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [], [_("%(name)s is not a ZIP archive.") % {"name": name}]
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            return [], [
                _("%(name)s holds more than %(max)s files.")
                % {"name": name, "max": MAX_ZIP_MEMBERS}
            ]
        total = sum(member.file_size for member in members)
        if total > MAX_ZIP_TOTAL:
            return [], [
                _("%(name)s unpacks to more than %(max)s MB.")
                % {"name": name, "max": MAX_ZIP_TOTAL >> 20}
            ]
        if any(
            member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1) + 1024
            for member in members
        ):
            return [], [
                _("%(name)s is packed suspiciously tightly (a ZIP bomb?) and was refused.")
                % {"name": name}
            ]
        for member in members:
            path = PurePosixPath(member.filename.replace("\\", "/"))
            if member.is_dir():
                continue
            if path.is_absolute() or ".." in path.parts:
                problems.append(
                    _("%(name)s: unsafe path skipped.") % {"name": member.filename[:200]}
                )
                continue
            if path.name.startswith(".") or "__MACOSX" in path.parts:
                continue
            if member.file_size > MAX_BYTES:
                problems.append(
                    _("%(name)s is larger than %(max)s MB.")
                    % {"name": path.name, "max": MAX_BYTES >> 20}
                )
                continue
            try:
                with archive.open(member) as handle:
                    content = handle.read(min(member.file_size, MAX_BYTES) + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
                problems.append(_("%(name)s could not be read.") % {"name": path.name})
                continue
            if len(content) > member.file_size:
                problems.append(_("%(name)s could not be read.") % {"name": path.name})
                continue
            files.append((path.name, content))
    return files, problems
