"""An optional machine translation provider: suggestions that staff review, never published as is.

None by default. Set MACHINE_TRANSLATION=libretranslate with LIBRETRANSLATE_URL (a self-hosted
instance is fine; LIBRETRANSLATE_API_KEY if it asks for one), or MACHINE_TRANSLATION=deepl with
DEEPL_API_KEY (DEEPL_API_URL for the paid endpoint). The German text leaves the server only then.
"""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT = 15


class TranslationUnavailable(Exception):
    """No provider configured, or it did not answer usefully."""


def provider() -> str:
    return getattr(settings, "MACHINE_TRANSLATION", "") or ""


def available() -> bool:
    return provider() in ("libretranslate", "deepl")


def _post(url: str, payload: dict, headers: dict | None = None) -> dict:
    if not url.startswith(("http://", "https://")):
        raise TranslationUnavailable("bad URL")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return json.loads(response.read().decode())
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as error:
        logger.warning("machine translation failed: %s", error)
        raise TranslationUnavailable(str(error)) from error


def translate(texts: list[str], source: str, target: str) -> list[str]:
    """The texts in `target`, in the same order; raises TranslationUnavailable."""
    if not texts:
        return []
    if provider() == "libretranslate":
        url = settings.LIBRETRANSLATE_URL.rstrip("/") + "/translate"
        payload = {"q": texts, "source": source, "target": target, "format": "text"}
        if settings.LIBRETRANSLATE_API_KEY:
            payload["api_key"] = settings.LIBRETRANSLATE_API_KEY
        answer = _post(url, payload)
        result = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(result, str):
            result = [result]
    elif provider() == "deepl":
        target_code = {"en": "EN-GB", "pt": "PT-PT"}.get(target, target.upper())
        payload = {"text": texts, "source_lang": source.upper(), "target_lang": target_code}
        headers = {"Authorization": f"DeepL-Auth-Key {settings.DEEPL_API_KEY}"}
        answer = _post(settings.DEEPL_API_URL, payload, headers)
        items = answer.get("translations") if isinstance(answer, dict) else None
        result = [item.get("text") for item in items] if isinstance(items, list) else None
    else:
        raise TranslationUnavailable("no provider configured")
    if (
        not isinstance(result, list)
        or len(result) != len(texts)
        or not all(isinstance(t, str) for t in result)
    ):
        raise TranslationUnavailable("unexpected answer")
    return result
