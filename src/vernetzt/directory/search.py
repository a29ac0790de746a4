"""Search: words of the public fields, typo-tolerant on PostgreSQL (pg_trgm), plain elsewhere.

The searchable text is kept in `Organisation.search_text` (lower case), built from fields
that everybody may see, so a search never reveals a hidden field. On PostgreSQL a GIN
trigram index on it serves both the substring match and the similarity match.
"""

import re

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


def build_search_text(organisation) -> str:
    """The lower-case text a visitor may find the association by."""
    parts = [organisation.name]
    if organisation.visibility_profile == Visibility.PUBLIC:
        parts += [organisation.short_name, organisation.description]
    municipality = organisation.municipality
    if municipality is not None:
        parts += [municipality.name, municipality.district.name]
    if organisation.pk:
        for slug in organisation.fields.values_list("slug", flat=True):
            label = FIELDS_OF_ACTIVITY.get(slug)
            if label is not None:
                for language in ("de", "en"):
                    with translation.override(language):
                        parts.append(str(label))
    return " ".join(part for part in parts if part).lower()[:10000]


def search_words(query: str) -> list[str]:
    """Split a query into at most MAX_WORDS words; anything that is not a word is ignored."""
    words = _WORD.findall((query or "")[:MAX_QUERY_LENGTH].lower())
    return [word for word in words if len(word) > 1][:MAX_WORDS]


def organisations_matching(queryset, query: str):
    """Every word must match: as a substring, or (PostgreSQL) as a similar word (typos)."""
    for word in search_words(query):
        condition = Q(search_text__contains=word)
        if connection.vendor == "postgresql" and len(word) > 3:
            condition |= Q(search_text__trigram_word_similar=word)
        queryset = queryset.filter(condition)
    return queryset
