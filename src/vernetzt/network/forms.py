"""Forms of the network: validation only."""

from datetime import date, datetime, time

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from vernetzt.directory.models import Municipality, Organisation

from .enums import BOOKABLE_KINDS, KNOW_HOW_LANGUAGES, WEEKDAYS, Kind, Side
from .models import LISTING_FIELDS, Listing

MAX_SPECIAL_DAYS = 100


def language_choices():
    choices = []
    for code in KNOW_HOW_LANGUAGES:
        try:
            choices.append((code, get_language_info(code)["name_local"]))
        except KeyError:
            choices.append((code, code))
    return choices


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ListingForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("In the name of"), queryset=Organisation.objects.none(), empty_label=None
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(district__state="HE").order_by("name"),
        required=False,
        help_text=_("Needed for rooms; helps others nearby find it."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On which weekdays (requests)"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    max_hours = forms.IntegerField(
        label=_("Longest booking (hours)"), min_value=1, max_value=72, initial=8
    )
    special_days_text = forms.CharField(
        label=_("Closed days or other hours"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: 2026-12-24 (closed) or 2026-12-27 10:00-14:00."),
    )

    class Meta:
        model = Listing
        fields = ["organisation", *LISTING_FIELDS]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "house_rules": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if self.instance.pk:
            del self.fields["organisation"]
            self.initial["special_days_text"] = "\n".join(
                f"{day.date:%Y-%m-%d}"
                + (f" {day.start:%H:%M}-{day.end:%H:%M}" if not day.closed else "")
                for day in self.instance.special_days.all()
            )
        self.hour_fields = []
        for number, label in WEEKDAYS:
            start = forms.TimeField(label=_("%(day)s from") % {"day": label}, required=False)
            end = forms.TimeField(label=_("%(day)s until") % {"day": label}, required=False)
            self.fields[f"from_{number}"] = start
            self.fields[f"until_{number}"] = end
            self.hour_fields.append((label, f"from_{number}", f"until_{number}"))
            if self.instance.pk:
                hours = [h for h in self.instance.opening_hours.all() if h.weekday == number]
                if hours:
                    self.initial[f"from_{number}"] = hours[0].start
                    self.initial[f"until_{number}"] = hours[0].end

    def clean_special_days_text(self):
        rows = []
        lines = [line.strip() for line in self.cleaned_data["special_days_text"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_SPECIAL_DAYS:
            raise forms.ValidationError(_("At most 100 lines."))
        for line in lines:
            parts = line.split()
            try:
                day = date.fromisoformat(parts[0])
                start = end = None
                if len(parts) > 1:
                    first, second = parts[1].split("-", 1)
                    start = time.fromisoformat(first)
                    end = time.fromisoformat(second)
                    if end <= start:
                        raise ValueError
            except (ValueError, IndexError):
                raise forms.ValidationError(
                    _("This line is not understood: %(line)s") % {"line": line[:40]}
                ) from None
            rows.append((day, start, end))
        return rows

    def clean(self):
        data = super().clean()
        kind, side = data.get("kind"), data.get("side")
        if kind == Kind.ROOM and not data.get("municipality"):
            self.add_error("municipality", _("Please choose the municipality of the room."))
        if kind == Kind.ROOM and side == Side.OFFER and not data.get("capacity"):
            self.add_error("capacity", _("Please say for how many people the room is."))
        hours = []
        for number, _label in WEEKDAYS:
            start, end = data.get(f"from_{number}"), data.get(f"until_{number}")
            if start and end:
                if end <= start:
                    self.add_error(f"until_{number}", _("The end must be after the start."))
                else:
                    hours.append((number, start, end))
            elif start or end:
                self.add_error(f"until_{number}", _("Please give both times, or none."))
        if side == Side.OFFER and kind in BOOKABLE_KINDS and not hours and not self.errors:
            self.add_error("from_0", _("Please give the opening hours in which it can be booked."))
        self.hours = hours
        return data


class BookingForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("For the association"), queryset=Organisation.objects.none(), empty_label=None
    )
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_hour = forms.TypedChoiceField(
        label=_("From"), coerce=int, choices=[(h, f"{h:02d}:00") for h in range(24)]
    )
    end_hour = forms.TypedChoiceField(
        label=_("Until"), coerce=int, choices=[(h, f"{h:02d}:00") for h in range(1, 25)]
    )
    message = forms.CharField(
        label=_("Message to the owner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def times(self):
        from datetime import timedelta  # noqa: PLC0415

        data = self.cleaned_data
        start = datetime.combine(data["day"], time(data["start_hour"]))
        end = datetime.combine(data["day"], time(0)) + timedelta(hours=data["end_hour"])
        return start, end


class DecisionForm(forms.Form):
    answer = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class FeedbackForm(forms.Form):
    went_well = forms.TypedChoiceField(
        label=_("Did it go well?"),
        choices=[("1", _("Yes")), ("0", _("No"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional, only staff see it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


LISTING_GROUPS = [
    (_("What"), ["organisation", "side", "kind", "title", "description", "visibility"]),
    (_("Where"), ["municipality", "street", "postcode"]),
    (
        _("Room"),
        ["capacity", "step_free", "kitchen", "equipment", "cost", "cost_note", "house_rules"],
    ),
    (_("Equipment"), ["count", "pickup_place"]),
    (_("Know-how"), ["topics", "languages"]),
    (_("When (requests)"), ["weekdays", "when_text"]),
    (_("Booking (rooms and equipment offered)"), ["booking_mode", "max_hours"]),
]


def listing_groups(form):
    """(legend, bound fields) for the fieldsets of the listing form, hours last."""
    groups = [
        (legend, [form[name] for name in names if name in form.fields])
        for legend, names in LISTING_GROUPS
    ]
    hours = []
    for _label, start, end in form.hour_fields:
        hours += [form[start], form[end]]
    groups.append((_("Opening hours (local time)"), [*hours, form["special_days_text"]]))
    return groups
