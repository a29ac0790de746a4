"""Built-in registration questions and their fixed choices.

Dietary, accessibility and interpretation answers can reveal health, religion or origin:
fixed choices, optional, staff only, deleted some weeks after the meeting.
"""

from django.utils.translation import gettext_lazy as _

DIETARY = "dietary"
DIETARY_OTHER = "dietary_other"
ACCESSIBILITY = "accessibility"
ACCESSIBILITY_OTHER = "accessibility_other"
INTERPRETATION = "interpretation"
CHILDCARE = "childcare"
PHOTO_CONSENT = "photo_consent"

SENSITIVE_KEYS = (DIETARY, DIETARY_OTHER, ACCESSIBILITY, ACCESSIBILITY_OTHER, INTERPRETATION)

DIETARY_CHOICES = [
    ("vegetarian", _("vegetarian")),
    ("vegan", _("vegan")),
    ("halal", _("halal")),
    ("kosher", _("kosher")),
    ("no_pork", _("no pork")),
    ("gluten_free", _("gluten-free")),
    ("lactose_free", _("lactose-free")),
    ("nut_allergy", _("nut allergy")),
]

ACCESSIBILITY_CHOICES = [
    ("step_free", _("step-free access (wheelchair, walker)")),
    ("sign_language", _("German Sign Language interpreting")),
    ("hearing_loop", _("hearing loop")),
    ("easy_language", _("easy language")),
    ("quiet_room", _("a quiet room")),
    ("large_print", _("large print")),
    ("assistance", _("personal assistance")),
]

INTERPRETATION_CHOICES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fa", _("Persian (Farsi, Dari)")),
    ("tr", _("Turkish")),
    ("ti", _("Tigrinya")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("fr", _("French")),
    ("ku", _("Kurdish")),
]

YES_NO_CHOICES = [("yes", _("yes")), ("no", _("no"))]

BUILTIN_CHOICES = {
    DIETARY: DIETARY_CHOICES,
    ACCESSIBILITY: ACCESSIBILITY_CHOICES,
    INTERPRETATION: INTERPRETATION_CHOICES,
    CHILDCARE: YES_NO_CHOICES,
    PHOTO_CONSENT: YES_NO_CHOICES,
}

# key, label, explanation, kind, sensitive
BUILTIN_QUESTIONS = [
    (
        DIETARY,
        _("Food: what should we take into account?"),
        _("Optional. Only the team sees it, for the catering. Deleted after the meeting."),
        "multiple",
        True,
    ),
    (
        DIETARY_OTHER,
        _("Food: anything else?"),
        _("Optional. In your own words, if the choices above do not fit."),
        "text",
        True,
    ),
    (
        ACCESSIBILITY,
        _("Access: what do you need to take part fully?"),
        _("Optional. Only the team sees it. Deleted after the meeting."),
        "multiple",
        True,
    ),
    (
        ACCESSIBILITY_OTHER,
        _("Access: anything else?"),
        _("Optional. In your own words, if the choices above do not fit."),
        "text",
        True,
    ),
    (
        INTERPRETATION,
        _("Interpretation: into which language?"),
        _("Optional. Leave empty if you follow German well."),
        "single",
        True,
    ),
    (
        CHILDCARE,
        _("Do you need childcare during the meeting?"),
        "",
        "yes_no",
        False,
    ),
    (
        PHOTO_CONSENT,
        _("May we take photos of you at the meeting?"),
        _(
            "Photos are used in the documentation and the news of the network. "
            "If you say no or do not answer, you get a lanyard of another colour and we "
            "will not publish photos that show you. You can change your answer at any time."
        ),
        "yes_no",
        False,
    ),
]
