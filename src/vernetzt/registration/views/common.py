"""Look-ups shared by the registration pages."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event

from .. import queries

staff_required = permission_required("registration.manage_registrations")


def _visible_event(slug):
    return get_object_or_404(
        Event.objects.select_related("venue"), slug=slug, status__in=Event.VISIBLE_STATUSES
    )


def _registration_or_404(slug, token):
    registration = queries.get_by_token(slug=slug, token=token)
    if registration is None:
        raise Http404(_("This personal link is not valid. Please use the link in your email."))
    return registration
