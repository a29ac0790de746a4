"""Demo associations: about 150 clearly fictional ones over all districts of Hesse, and the
real associations named in the sources with their name (and city where the sources give it)
only. Idempotent: an existing slug is left alone.
"""

import random

from django.utils.text import slugify

from vernetzt.accounts.models import User

from .enums import (
    FIELDS_OF_ACTIVITY,
    LANGUAGE_CODES,
    TARGET_GROUPS,
    LegalForm,
    MembersRange,
    TermKind,
    Visibility,
)
from .models import District, Membership, Municipality, Organisation, Term
from .services import load_geodata, refresh_search_text, sync_vocabulary

# (slug, name, municipality key or None). Names and cities from the sources, nothing else.
REAL = [
    ("kone-ev", "KONE e.V.", None),
    ("projekt-moses", "Projekt Moses Jugend- und Sozialwerk e.V.", None),
    ("the-concerned-nigerians", "The Concerned Nigerians e.V.", None),
    ("deutsch-syrischer-verein", "Deutsch-Syrischer Verein e.V.", None),
    ("zan-ev", "ZAN e.V.", None),
    ("all-in-kassel", "ALL IN", "06611000"),
    ("house-of-resources-rhein-main", "House of Resources Rhein-Main", "06412000"),
]

FICTIONAL_PARTS = [
    "Brückenbauer",
    "Jugendbrücke",
    "Frauenforum",
    "Kulturhaus",
    "Elternnetz",
    "Sprachcafé",
    "Nachbarschaft",
    "Sportfreunde",
    "Zukunftswerk",
    "Dialogkreis",
    "Lernpaten",
    "Begegnung",
    "Regenbogen",
    "Weltküche",
    "Musikbrücke",
    "Mosaik",
    "Ankommen",
    "Starthilfe",
    "Vielfalt",
    "Horizont",
    "Kompass",
    "Gemeinsam",
    "Leuchtturm",
    "Wurzeln und Flügel",
    "Teekanne",
]
DEMO_ADMIN = "vereinsadmin@vernetzt.example"
DEMO_MEMBER = "mitglied@vernetzt.example"
DEMO_ORGANISATION = "beispielverein-brueckenbauer-darmstadt"


def _fictional(rng, municipalities_by_district):
    districts = sorted(municipalities_by_district)
    seen = set()
    for index in range(150):
        district = districts[index % len(districts)]
        options = municipalities_by_district[district]
        municipality = options[(index * 7) % len(options)]
        part = FICTIONAL_PARTS[index % len(FICTIONAL_PARTS)]
        name = f"Beispielverein {part} {municipality.name}"
        slug = "beispielverein-" + slugify(f"{part} {municipality.name}".replace("ü", "ue"))[:90]
        if slug in seen:
            continue
        seen.add(slug)
        yield index, slug, name, municipality


def load(stdout):
    # A transactional test flushes the tables that migrations filled: fill them again first.
    if Municipality.objects.count() < 422:
        load_geodata(district_model=District, municipality_model=Municipality)
    sync_vocabulary()
    rng = random.Random(2025)  # noqa: S311 - fixed demo data, not security
    terms = {(t.kind, t.slug): t for t in Term.objects.all()}
    municipalities_by_district = {}
    for municipality in Municipality.objects.select_related("district").order_by("key"):
        municipalities_by_district.setdefault(municipality.district.key, []).append(municipality)
    existing = set(Organisation.objects.values_list("slug", flat=True))
    created = 0
    for slug, name, key in REAL:
        if slug in existing:
            continue
        Organisation.objects.create(
            slug=slug,
            name=name,
            municipality=Municipality.objects.filter(key=key).first() if key else None,
            is_published=True,
            status=Organisation.Status.VERIFIED,
        )
        created += 1
    field_slugs = list(FIELDS_OF_ACTIVITY)
    target_slugs = list(TARGET_GROUPS)
    visibility = [Visibility.PUBLIC, Visibility.PUBLIC, Visibility.MEMBERS, Visibility.STAFF]
    for index, slug, name, municipality in _fictional(rng, municipalities_by_district):
        # Draw every value even for existing entries, so later entries stay the same.
        values = {
            "legal_form": rng.choice(LegalForm.values),
            "founding_year": rng.randint(1965, 2024),
            "members_range": rng.choice(MembersRange.values),
            "visibility_profile": rng.choice(visibility),
            "visibility_contact": rng.choice(visibility),
            "visibility_address": rng.choice([Visibility.MEMBERS, Visibility.STAFF]),
            "visibility_members": rng.choice(visibility),
        }
        fields = rng.sample(field_slugs, rng.randint(1, 3))
        targets = rng.sample(target_slugs, rng.randint(1, 2))
        languages = ["de", *rng.sample(LANGUAGE_CODES[1:], rng.randint(1, 3))]
        published = index % 10 != 9
        status = (
            Organisation.Status.ARCHIVED
            if index % 37 == 36
            else Organisation.Status.VERIFIED
            if index % 4
            else Organisation.Status.PENDING
        )
        if slug in existing:
            continue
        organisation = Organisation.objects.create(
            slug=slug,
            name=name,
            municipality=municipality,
            is_published=published,
            status=status,
            short_name=f"BV {part_initials(name)}",
            register_number=f"VR {1000 + index}" if values["legal_form"] == "ev" else "",
            description=(
                f"Ein erfundener Verein für die Demo von vernetzt in {municipality.name}. "
                "Er zeigt, wie ein Eintrag im Verzeichnis aussehen kann."
            ),
            description_translations=(
                {"en": f"A made-up association for the vernetzt demo in {municipality.name}."}
                if index % 3 == 0
                else {}
            ),
            street=f"Beispielstraße {index + 1}",
            postcode=f"3{index:04d}"[:5],
            website=f"https://{slug}.example",
            contact_email=f"kontakt@{slug}.example",
            **values,
        )
        organisation.fields.set([terms[(TermKind.FIELD, s)] for s in fields])
        organisation.target_groups.set([terms[(TermKind.TARGET, s)] for s in targets])
        organisation.languages.set(
            [terms[(TermKind.LANGUAGE, s)] for s in languages if (TermKind.LANGUAGE, s) in terms]
        )
        refresh_search_text(organisation=organisation)
        created += 1
    _demo_memberships()
    total = Organisation.objects.count()
    districts = District.objects.filter(municipalities__organisations__isnull=False).distinct()
    stdout.write(f"  {total} associations ({created} new) in {districts.count()} districts")


def part_initials(name: str) -> str:
    return "".join(word[0] for word in name.split()[1:3]).upper()


def _demo_memberships():
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if organisation is None:
        organisation = Organisation.objects.filter(slug__startswith="beispielverein-").first()
    if organisation is None:
        return
    for email, role in ((DEMO_ADMIN, Membership.Role.ADMIN), (DEMO_MEMBER, Membership.Role.MEMBER)):
        user = User.objects.filter(email=email).first()
        if user is not None:
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": role}
            )
