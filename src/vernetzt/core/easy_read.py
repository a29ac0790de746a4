"""Checks for texts in Leichte Sprache, and for sign-language videos (BITV 2.0).

`check_easy_read(text)` warns about the main rules of Leichte Sprache that a program can see:
sentences over 15 words, passive voice, long compound words without a hyphen or middle dot
("Vernetzungs-Treffen", "Vernetzungs·treffen"). They are warnings for the editor, not errors:
a name or a fixed term may need a long word.
"""

import io
import re
from dataclasses import dataclass
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_WORDS = 15
LONG_WORD = 13  # letters; longer words without "-" or "·" should be split
_SENTENCE = re.compile(r"[^.!?:;\n]+[.!?:;]?")
_WORD = re.compile(r"[\w·\-]+", re.UNICODE)
PASSIVE = {"wird", "werden", "wurde", "wurden", "worden", "geworden"}


def check_easy_read(text: str) -> list[str]:
    warnings = []
    for raw in _SENTENCE.findall(text or ""):
        sentence = raw.strip(" -\t")
        words = _WORD.findall(sentence)
        if len(words) > MAX_WORDS:
            warnings.append(
                _("Sentence with %(count)s words (at most %(max)s): “%(sentence)s”")
                % {"count": len(words), "max": MAX_WORDS, "sentence": sentence[:120]}
            )
        passive = [w for w in words if w.lower() in PASSIVE]
        if passive:
            warnings.append(
                _("Passive voice? “%(word)s” in “%(sentence)s”")
                % {"word": passive[0], "sentence": sentence[:120]}
            )
    seen = set()
    for word in _WORD.findall(text or ""):
        if (
            len(word) >= LONG_WORD
            and "-" not in word
            and "·" not in word
            and word.isalpha()
            and word not in seen
        ):
            seen.add(word)
            warnings.append(
                _("Long word: “%(word)s”. Split it with a hyphen or a middle dot (·).")
                % {"word": word}
            )
    return warnings


MIN_WIDTH, MIN_HEIGHT, MIN_FRAME_RATE = 320, 240, 25.0


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    frame_rate: float


def inspect_video(file) -> VideoInfo:
    """Size and frame rate of a video (PyAV, which brings its own FFmpeg)."""
    import av  # noqa: PLC0415 - only needed when a video is uploaded

    source = file.temporary_file_path() if hasattr(file, "temporary_file_path") else file
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        with av.open(source, mode="r") as container:
            if not container.streams.video:
                raise ValidationError(_("The file has no video."))
            stream = container.streams.video[0]
            rate = stream.average_rate or stream.guessed_rate or 0
            info = VideoInfo(stream.codec_context.width, stream.codec_context.height, float(rate))
    except (av.FFmpegError, ValueError, OSError) as error:
        raise ValidationError(_("This file is not a video we can read.")) from error
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    return info


def check_video(file) -> VideoInfo:
    """Raise ValidationError unless the video has at least 320x240 pixels and 25 frames/s."""
    info = inspect_video(file)
    problems = []
    if info.width < MIN_WIDTH or info.height < MIN_HEIGHT:
        problems.append(
            _("The video has %(width)sx%(height)s pixels; at least 320x240 are needed.")
            % {"width": info.width, "height": info.height}
        )
    if info.frame_rate < MIN_FRAME_RATE - 0.01:
        problems.append(
            _("The video has %(rate)s frames per second; at least 25 are needed.")
            % {"rate": round(info.frame_rate, 2)}
        )
    if problems:
        raise ValidationError(problems)
    return info


def check_captions(file) -> None:
    """A WebVTT file starts with "WEBVTT"."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    if not head.lstrip("\ufeff").startswith("WEBVTT"):
        raise ValidationError(_("Captions must be a WebVTT file (.vtt) starting with WEBVTT."))


def make_test_video(
    *, width: int = 320, height: int = 240, frame_rate: int = 25, seconds: float = 2
) -> bytes:
    """A short WebM (VP8) of moving colour bars, for the demo and the tests."""
    import av  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=Fraction(frame_rate))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"deadline": "realtime", "cpu-used": "8", "b": "200k"}
        for index in range(int(frame_rate * seconds)):
            image = np.zeros((height, width, 3), dtype=np.uint8)
            bar = (index * 4) % width
            image[:, :bar] = (0, 90, 160)
            image[:, bar:] = (250, 200, 0)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()
