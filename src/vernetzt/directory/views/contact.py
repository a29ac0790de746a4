"""The contact form of an association: relayed by email, rate-limited per address."""

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import services
from ..forms import ContactForm
from ..queries import listed_organisations

CONTACT_LIMIT_PER_ORGANISATION = 3  # messages per hour from one address to one association


CONTACT_LIMIT_PER_ADDRESS = 10  # messages per hour from one address in total


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _rate_limited(request, organisation) -> bool:
    """Counts in the cache, one hour: per address and association, and per address."""
    address = _client_address(request)
    keys = [
        (f"directory:contact:{address}:{organisation.pk}", CONTACT_LIMIT_PER_ORGANISATION),
        (f"directory:contact:{address}", CONTACT_LIMIT_PER_ADDRESS),
    ]
    for key, limit in keys:
        if cache.get(key, 0) >= limit:
            return True
    for key, _limit in keys:
        if cache.add(key, 1, 3600) is False:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, 3600)
    return False


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
        services.send_contact_message(
            organisation=organisation,
            sender_name=form.cleaned_data["name"],
            sender_email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            language=get_language(),
        )
        messages.success(
            request, _("Your message has been sent. A copy is on its way to your address.")
        )
        return redirect(organisation)
    return render(
        request, "directory/organisation_contact.html", {"organisation": organisation, "form": form}
    )
