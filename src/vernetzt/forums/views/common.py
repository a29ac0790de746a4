"""What the forum pages share: the staff permission and looking up a meeting or a personal link."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event
from vernetzt.registration import queries as registration_queries

staff_required = permission_required("forums.manage_forums")


def _event(slug):
    return get_object_or_404(Event, slug=slug)


def _registration(slug, token):
    registration = registration_queries.get_by_token(slug=slug, token=token)
    if registration is None:
        raise Http404(_("This personal link is not valid. Please use the link in your email."))
    return registration
