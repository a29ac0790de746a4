"""Choices and the shared vocabulary of the directory."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LegalForm(models.TextChoices):
    EV = "ev", _("registered association (e.V.)")
    GGMBH = "ggmbh", _("non-profit company (gGmbH)")
    INITIATIVE = "initiative", _("initiative without legal form")


class MembersRange(models.TextChoices):
    UP_TO_10 = "1-10", _("1 to 10")
    UP_TO_50 = "11-50", _("11 to 50")
    UP_TO_200 = "51-200", _("51 to 200")
    UP_TO_1000 = "201-1000", _("201 to 1,000")
    MORE = "1001+", _("more than 1,000")


class Visibility(models.TextChoices):
    """Who sees a group of fields. Ordered: each level sees what the levels before it see."""

    PUBLIC = "public", _("everyone (public)")
    MEMBERS = "members", _("members of the network (logged in)")
    STAFF = "staff", _("staff of the competence centre only")


# The order of levels: a viewer of level n sees groups whose visibility is <= n.
VISIBILITY_RANK = {Visibility.PUBLIC: 0, Visibility.MEMBERS: 1, Visibility.STAFF: 2}


class FieldGroup(models.TextChoices):
    """Groups of profile fields that share one visibility choice."""

    PROFILE = "profile", _("profile details")
    CONTACT = "contact", _("contact")
    ADDRESS = "address", _("address")
    MEMBERS = "members", pgettext_lazy("field group", "members")


# Fields everybody sees once the entry is published.
ALWAYS_PUBLIC_FIELDS = ("name", "slug", "municipality", "district", "fields")
GROUP_FIELDS = {
    FieldGroup.PROFILE: (
        "short_name",
        "legal_form",
        "register_number",
        "founding_year",
        "description",
        "description_translations",
        "target_groups",
        "languages",
        "logo",
    ),
    FieldGroup.CONTACT: ("website", "social_links", "contact_email"),
    FieldGroup.ADDRESS: ("street", "postcode", "exact_point"),
    FieldGroup.MEMBERS: ("members_range",),
}


class TermKind(models.TextChoices):
    FIELD = "field", _("field of activity")
    TARGET = "target", _("target group")
    LANGUAGE = "language", _("language")


FIELDS_OF_ACTIVITY = {
    "bildung": _("education"),
    "jugend": _("youth work"),
    "kultur": _("culture and arts"),
    "frauen": _("women's empowerment"),
    "sport": _("sport"),
    "beratung": _("counselling and guidance"),
    "arbeit": _("work and vocational training"),
    "gesundheit": _("health"),
    "gefluechtete": _("support for refugees"),
    "sprache": _("language courses"),
    "teilhabe": _("political participation"),
    "antidiskriminierung": _("anti-discrimination"),
    "familie": _("parents and families"),
    "dialog": _("intercultural and interfaith dialogue"),
    "entwicklung": _("development cooperation"),
    "umwelt": _("environment and climate"),
}

TARGET_GROUPS = {
    "kinder": _("children"),
    "jugendliche": _("young people"),
    "frauen": _("women"),
    "familien": _("families"),
    "senioren": _("older people"),
    "gefluechtete": _("refugees"),
    "neuzugewanderte": _("newcomers"),
    "studierende": _("students"),
    # Not "everyone": next to the filter's "all" option that read as the same word twice.
    "alle": _("open to everyone"),
}

# Languages Django knows are labelled from Django's own catalogue; these are not in it.
EXTRA_LANGUAGES = {
    "am": _("Amharic"),
    "ti": _("Tigrinya"),
    "so": _("Somali"),
    "kmr": _("Kurdish (Kurmanji)"),
    # Django's Arabic and Persian catalogues lack "Central Kurdish": without our own name the
    # German one would show (Django falls back to LANGUAGE_CODE).
    "ckb": _("Kurdish (Sorani)"),
    "ps": _("Pashto"),
    "prs": _("Dari"),
    "yo": _("Yoruba"),
    "ha": _("Hausa"),
    "tw": _("Twi"),
}
LANGUAGE_CODES = [
    "de",
    "en",
    "ar",
    "tr",
    "fa",
    "ru",
    "uk",
    "pl",
    "ro",
    "it",
    "es",
    "fr",
    "el",
    "ckb",
    "kmr",
    "hr",
    "sr",
    "bs",
    "sq",
    "vi",
    "zh-hans",
    "ur",
    "hi",
    "bg",
    "pt",
    "ta",
    "am",
    "ti",
    "so",
    "ps",
    "prs",
    "yo",
    "ig",
    "ha",
    "tw",
    "sw",
    "ka",
    "hy",
    "az",
]

# Extra languages of a profile description, besides German: every interface language.
DESCRIPTION_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != "de")
