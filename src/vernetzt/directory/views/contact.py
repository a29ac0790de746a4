"""The contact form of an association: relayed by email, rate-limited per address.

A copy goes to the sender only when the address is verified (see the service)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vernetzt.core import ratelimits

from .. import services
from ..forms import ContactForm
from ..queries import listed_organisations


def _rate_limited(request, organisation) -> bool:
    """Per address and association, and per address (shared cache, `core.ratelimits`;
    the numbers are `settings.RATE_LIMITS["contact..."]`)."""
    address = ratelimits.client_ip(request)
    per_organisation = ratelimits.limited(
        request, "contact_per_organisation", key=f"{address}:{organisation.pk}"
    )
    per_address = ratelimits.limited(request, "contact")
    return per_organisation or per_address


def organisation_contact(request, slug):
    """Relay a message by email; the association's address is never shown."""
    organisation = get_object_or_404(listed_organisations(), slug=slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _rate_limited(request, organisation):
            return render(
                request,
                "directory/organisation_contact.html",
                {"organisation": organisation, "form": form, "limited": True},
                status=429,
            )
        copied = services.send_contact_message(
            organisation=organisation,
            sender_name=form.cleaned_data["name"],
            sender_email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            language=get_language(),
            user=request.user,
        )
        if copied:
            messages.success(
                request, _("Your message has been sent. A copy is on its way to your address.")
            )
        else:
            messages.success(request, _("Your message has been sent."))
        return redirect(organisation)
    return render(
        request, "directory/organisation_contact.html", {"organisation": organisation, "form": form}
    )
