"""Import and export of associations (CSV and XLSX).

An import is read completely and checked row by row first (dry run); only a file without
errors is applied, in one transaction. Rows are matched by a natural key: the register
number if there is one, else the normalised name plus the municipality key, so importing
the same file again changes nothing.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import LegalForm, TermKind
from .models import HistoryEntry, Municipality, Organisation, Term
from .search import build_search_text

COLUMNS = (
    "name",
    "municipality_key",
    "municipality",
    "register_number",
    "legal_form",
    "founding_year",
    "short_name",
    "website",
    "contact_email",
    "fields",
    "languages",
)
EXPORT_COLUMNS = (
    "name",
    "slug",
    "status",
    "is_published",
    "municipality_key",
    "municipality",
    "district",
    "register_number",
    "legal_form",
    "founding_year",
    "short_name",
    "website",
    "contact_email",
    "fields",
    "languages",
    "target_groups",
    "members_range",
    "street",
    "postcode",
)
MAX_ROWS = 20000
ACTION_LABELS = {
    "create": gettext_lazy("new"),
    "update": gettext_lazy("changed"),
    "unchanged": gettext_lazy("unchanged"),
    "error": gettext_lazy("not possible"),
}
RESERVED_SLUGS = {"karte", "offene-daten", "verwaltung", "einladung", "map", "api"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, format, missing columns)."""


@dataclass
class RowResult:
    number: int
    name: str
    action: str = ""  # create, update, unchanged, error
    errors: list = field(default_factory=list)
    values: dict = field(default_factory=dict)
    organisation: Organisation | None = None
    terms: dict = field(default_factory=dict)

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)


@dataclass
class ImportReport:
    rows: list

    @property
    def errors(self):
        return [row for row in self.rows if row.errors]

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def summary(self):
        return {a: self.count(a) for a in ("create", "update", "unchanged", "error")}


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"\be\.\s*v\.?", "ev", text)
    return re.sub(r"[\W_]+", " ", text).strip()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (a superset of Latin-1 in practice)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_rows(name: str, data: bytes) -> list[dict]:
    """The rows of a CSV or XLSX file as dicts with lower-case column names."""
    if name.lower().endswith(".xlsx") or data[:2] == b"PK":
        from openpyxl import load_workbook  # noqa: PLC0415 - only needed for Excel files

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(_("This is not an Excel file we can read.")) from error
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = next(values, None) or ()
        keys = [str(cell or "").strip().lower() for cell in header]
        rows = [
            {
                key: "" if cell is None else str(cell).strip()
                for key, cell in zip(keys, row, strict=False)
            }
            for row in values
            if any(cell not in (None, "") for cell in row)
        ]
        workbook.close()
    else:
        if b"\x00" in data:
            raise ImportFileError(_("This is not a text (CSV) file."))
        text = decode(data)
        first_line = text.split("\n", 1)[0]
        delimiter = max((";", ",", "\t"), key=first_line.count)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        header = next(reader, [])
        keys = [key.strip().lower() for key in header]
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            row = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(keys)}
            if len(cells) > len(keys):
                row["__extra__"] = "1"
            rows.append(row)
    if "name" not in keys or not ({"municipality_key", "municipality"} & set(keys)):
        raise ImportFileError(
            _("Missing columns: the file needs “name” and “municipality_key” or “municipality”.")
        )
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("Too many rows: at most 20,000."))
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,|]", value or "") if part.strip()]


def plan_import(rows: list[dict]) -> ImportReport:
    """Check every row and decide what it would do. Writes nothing."""
    municipalities_by_key = {m.key: m for m in Municipality.objects.select_related("district")}
    municipalities_by_name = {}
    for municipality in municipalities_by_key.values():
        municipalities_by_name.setdefault(municipality.name.casefold(), []).append(municipality)
    terms = {(t.kind, t.slug): t for t in Term.objects.all()}
    existing_by_register = {
        o.register_number.strip().lower(): o
        for o in Organisation.objects.exclude(register_number="")
    }
    existing_by_name = {}
    for organisation in Organisation.objects.select_related("municipality"):
        key = (
            normalise_name(organisation.name),
            organisation.municipality.key if organisation.municipality else "",
        )
        existing_by_name.setdefault(key, organisation)
    validate_url = URLValidator(schemes=["http", "https"])
    seen = set()
    results = []
    for number, row in enumerate(rows, start=2):
        result = RowResult(number=number, name=row.get("name", "")[:200])
        errors = result.errors
        if row.get("__extra__"):
            errors.append(_("More cells than columns (a separator inside a value?)."))
        name = row.get("name", "").strip()
        if not name:
            errors.append(_("The name is missing."))
        elif len(name) > 200:
            errors.append(_("The name is longer than 200 characters."))
        municipality = None
        if row.get("municipality_key"):
            key = row["municipality_key"].strip().zfill(8)
            municipality = municipalities_by_key.get(key)
            if municipality is None:
                errors.append(_("Unknown municipality key “%(key)s”.") % {"key": key[:20]})
        elif row.get("municipality"):
            found = municipalities_by_name.get(row["municipality"].strip().casefold(), [])
            if len(found) == 1:
                municipality = found[0]
            else:
                errors.append(
                    _("Unknown or ambiguous municipality “%(name)s”: please give its key.")
                    % {"name": row["municipality"][:60]}
                )
        else:
            errors.append(_("The municipality is missing."))
        values = {
            "name": name,
            "municipality": municipality,
            "register_number": row.get("register_number", "")[:40],
            "short_name": row.get("short_name", "")[:60],
        }
        legal_form = row.get("legal_form", "").strip().lower().replace(".", "")
        if legal_form and legal_form not in LegalForm.values:
            errors.append(_("Unknown legal form “%(value)s”.") % {"value": legal_form[:20]})
        values["legal_form"] = legal_form if legal_form in LegalForm.values else ""
        year = row.get("founding_year", "").strip()
        values["founding_year"] = None
        if year:
            if year.endswith(".0"):
                year = year[:-2]
            if not year.isdigit() or not 1800 <= int(year) <= timezone.now().year:
                errors.append(
                    _("The founding year “%(value)s” is not a year between 1800 and now.")
                    % {"value": year[:10]}
                )
            else:
                values["founding_year"] = int(year)
        website = row.get("website", "").strip()
        if website:
            try:
                validate_url(website)
            except ValidationError:
                errors.append(_("“%(value)s” is not a web address.") % {"value": website[:80]})
        values["website"] = website[:300]
        email = row.get("contact_email", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("“%(value)s” is not an email address.") % {"value": email[:80]})
        values["contact_email"] = email
        for column, kind in (("fields", TermKind.FIELD), ("languages", TermKind.LANGUAGE)):
            slugs = _split(row.get(column, ""))
            unknown = [slug for slug in slugs if (kind.value, slug.lower()) not in terms]
            if unknown:
                errors.append(
                    _("Unknown values in “%(column)s”: %(values)s")
                    % {"column": column, "values": ", ".join(unknown)[:100]}
                )
            result.terms[column] = sorted(
                {
                    terms[(kind.value, s.lower())].pk
                    for s in slugs
                    if (kind.value, s.lower()) in terms
                }
            )
        natural = (
            ("register", values["register_number"].strip().lower())
            if values["register_number"].strip()
            else ("name", normalise_name(name), municipality.key if municipality else "")
        )
        if natural in seen:
            errors.append(_("The same association appears twice in the file."))
        seen.add(natural)
        if not errors:
            if natural[0] == "register":
                existing = existing_by_register.get(natural[1])
            else:
                existing = existing_by_name.get(natural[1:])
            result.organisation = existing
            if existing is None:
                result.action = "create"
            elif _differs(existing, values, result.terms):
                result.action = "update"
            else:
                result.action = "unchanged"
        else:
            result.action = "error"
        result.values = values
        results.append(result)
    return ImportReport(rows=results)


def _differs(organisation, values, terms) -> bool:
    for key, value in values.items():
        if key == "municipality":
            if organisation.municipality_id != (value.pk if value else None):
                return True
        elif value not in ("", None) and getattr(organisation, key) != value:
            return True
    current_fields = sorted(organisation.fields.values_list("pk", flat=True))
    current_languages = sorted(organisation.languages.values_list("pk", flat=True))
    if terms.get("fields") and sorted(set(current_fields) | set(terms["fields"])) != current_fields:
        return True
    return bool(
        terms.get("languages")
        and sorted(set(current_languages) | set(terms["languages"])) != current_languages
    )


def unique_slug(name: str) -> str:
    base = slugify(name)[:100] or "verein"
    if base in RESERVED_SLUGS:
        base = f"{base}-verein"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def apply_import(report: ImportReport, *, actor=None) -> dict:
    """Write the planned rows in one transaction. Refuses a report with errors (ValueError).

    New associations are created unpublished (pending); existing ones only get empty or
    changed values filled in, and terms added, so a second run changes nothing.
    """
    if report.errors:
        raise ValueError("an import with errors is not applied")
    for row in report.rows:
        if row.action == "unchanged":
            continue
        values = {k: v for k, v in row.values.items() if v not in ("", None)}
        if row.action == "create":
            organisation = Organisation(slug=unique_slug(row.values["name"]), **values)
            organisation.save()
            HistoryEntry.objects.create(organisation=organisation, actor=actor, text="Imported")
        else:
            organisation = row.organisation
            for key, value in values.items():
                setattr(organisation, key, value)
            organisation.save()
            HistoryEntry.objects.create(
                organisation=organisation, actor=actor, text="Updated by an import"
            )
        if row.terms.get("fields"):
            organisation.fields.add(*row.terms["fields"])
        if row.terms.get("languages"):
            organisation.languages.add(*row.terms["languages"])
        Organisation.objects.filter(pk=organisation.pk).update(
            search_text=build_search_text(organisation)
        )
        row.organisation = organisation
    return report.summary


def export_rows(queryset):
    """Header and rows of the staff export (every field; staff only)."""
    yield list(EXPORT_COLUMNS)
    for o in queryset.select_related("municipality__district").prefetch_related(
        "fields", "languages", "target_groups"
    ):
        m = o.municipality
        yield [
            o.name,
            o.slug,
            o.status,
            "1" if o.is_published else "0",
            m.key if m else "",
            m.name if m else "",
            m.district.name if m else "",
            o.register_number,
            o.legal_form,
            o.founding_year or "",
            o.short_name,
            o.website,
            o.contact_email,
            ";".join(t.slug for t in o.fields.all()),
            ";".join(t.slug for t in o.languages.all()),
            ";".join(t.slug for t in o.target_groups.all()),
            o.members_range,
            o.street,
            o.postcode,
        ]
