"""Search: words of the public fields, typo-tolerant on PostgreSQL (pg_trgm), plain elsewhere.

The searchable text is kept in `Organisation.search_text` (lower case), built from fields
that everybody may see, so a search never reveals a hidden field. On PostgreSQL a GIN
trigram index on it serves both the substring match and the similarity match.

Across languages: the names of fields of activity, target groups and languages go in, in
every interface language ("Türkisch", "Turkish", "التركية"). Text and query are folded the
same way (`fold`: lower case, accents and Arabic vowel marks removed, ß as ss; German umlauts
are also kept spelt out, ü as ue), so that "Bruckenbauer" and "Brueckenbauer" find
"Brückenbauer" alike on PostgreSQL and SQLite (decision 0132).
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.db import connection
from django.db.models import Q, TextField
from django.utils import translation

from .enums import FIELDS_OF_ACTIVITY, Visibility

# Registered here rather than through django.contrib.postgres, which would need PostgreSQL.
TextField.register_lookup(TrigramWordSimilar)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def fold(text: str) -> str:
    """Lower case without accents or vowel marks: "Brückenbauer" -> "bruckenbauer"."""
    text = (text or "").lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", folded.replace("\u0640", ""))  # and no tatweel


def _in_every_language(label) -> list[str]:
    names = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.append(str(label))
    return names


def build_search_text(organisation) -> str:
    """The folded text a visitor may find the association by."""
    parts = [organisation.name]
    public_profile = organisation.visibility_profile == Visibility.PUBLIC
    if public_profile:
        parts += [organisation.short_name, organisation.description]
        parts += list((organisation.description_translations or {}).values())
    municipality = organisation.municipality
    if municipality is not None:
        parts += [municipality.name, municipality.district.name]
    if organisation.pk:
        for slug in organisation.fields.values_list("slug", flat=True):
            label = FIELDS_OF_ACTIVITY.get(slug)
            if label is not None:
                parts += _in_every_language(label)
        if public_profile:  # languages and target groups belong to the profile group
            for term in [*organisation.languages.all(), *organisation.target_groups.all()]:
                parts += _in_every_language(term.label)
    text = " ".join(str(part) for part in parts if part)
    lowered = text.lower()
    spelt_out = lowered.translate(_UMLAUTS)
    if spelt_out != lowered:  # "brueckenbauer" as well
        text += " " + " ".join(w for w in _WORD.findall(spelt_out) if w not in lowered)
    return fold(text)[:10000]


def search_words(query: str) -> list[str]:
    """Split a query into at most MAX_WORDS words; anything that is not a word is ignored."""
    words = _WORD.findall(fold((query or "")[:MAX_QUERY_LENGTH]))
    return [word for word in words if len(word) > 1][:MAX_WORDS]


def organisations_matching(queryset, query: str):
    """Every word must match: as a substring, or (PostgreSQL) as a similar word (typos)."""
    for word in search_words(query):
        condition = Q(search_text__contains=word)
        if connection.vendor == "postgresql" and len(word) > 3:
            condition |= Q(search_text__trigram_word_similar=word)
        queryset = queryset.filter(condition)
    return queryset
