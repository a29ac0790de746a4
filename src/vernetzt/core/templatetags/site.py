"""The operating organisation in templates rendered without a request (emails):
`{% load site %}{% operator as operator %}`; `{% impressum_url %}` is the absolute link."""

from django import template
from django.conf import settings
from django.urls import reverse

from vernetzt.core.models import SiteSettings

register = template.Library()


@register.simple_tag
def operator() -> SiteSettings:
    return SiteSettings.load()


@register.simple_tag
def impressum_url() -> str:
    return settings.SITE_URL + reverse("core:site_page", args=["impressum"])
