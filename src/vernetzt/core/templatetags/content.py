"""Show translated content: `{% tr obj "title" %}` inline, `{% tr_block obj "description" %}`.

The text in the visitor's language where it exists; otherwise the German original, marked
`lang="de"` with a small "German original" hint, never unmarked. Text is isolated with
`dir="auto"` so that a Latin name inside Arabic text (or the reverse) keeps its order.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from vernetzt.core.models import EasyReadPage
from vernetzt.core.translations import (
    Status,
    Text,
    label_of,
    marked,
    translated,
    translated_choices,
)

register = template.Library()


def _hint() -> str:
    return format_html('<small class="lang-hint">({})</small>', _("German original"))


@register.simple_tag
def tr(obj, field: str, hint: bool = True):
    """One line of content (a title, a name, a label)."""
    text = translated(obj, field)
    if not text.text:
        return ""
    if text.is_fallback:
        marked = format_html('<span lang="de" dir="auto">{}</span>', text.text)
        return mark_safe(f"{marked} {_hint()}") if hint else marked  # noqa: S308
    return format_html('<span dir="auto">{}</span>', text.text)


@register.simple_tag
def tr_block(obj, field: str, css_class: str = "prose"):
    """Paragraphs of content (a description), blank lines separating paragraphs."""
    text = translated(obj, field)
    if not text.text:
        return ""
    body = linebreaks_filter(text.text, autoescape=True)
    if text.is_fallback:
        return format_html(
            '<div class="{}" lang="de" dir="auto">{}</div><p class="lang-hint">{}</p>',
            css_class,
            body,
            _("German original"),
        )
    return format_html('<div class="{}" dir="auto">{}</div>', css_class, body)


@register.simple_tag
def tr_text(obj, field: str) -> str:
    """The plain text (for attributes such as alt or a page title); escaped by the template."""
    return translated(obj, field).text


@register.simple_tag
def tr_choices(obj, field: str = "choices") -> list[str]:
    return translated_choices(obj, field)


@register.filter
def tr_lang(obj, field: str) -> str:
    """`lang="de"` when the text shown is the German fallback, for hand-made markup."""
    text = translated(obj, field)
    return mark_safe(' lang="de"') if text.is_fallback else ""  # noqa: S308


@register.filter
def verbose_name_of(obj) -> str:
    return obj._meta.verbose_name


@register.filter
def status_label(state: str) -> str:
    return str(Status.LABELS.get(state, state))


@register.simple_tag
def translation_url(obj) -> str:
    """The staff translation page of `obj` (for a link on the staff pages)."""
    return reverse("core:translation_edit", args=[label_of(obj), obj.pk])


@register.filter
def trp(obj, field: str) -> str:
    """Plain translated text for emails, PDFs and page titles: `{{ event|trp:"title" }}`."""
    if obj is None:
        return ""
    return translated(obj, field).text


@register.simple_tag
def easy_read_link(explains: str):
    """A link to the Leichte Sprache page that explains this part of the site (if published)."""
    page = EasyReadPage.objects.filter(explains=explains, is_published=True).first()
    if page is None:
        return ""
    return format_html(
        '<p class="easy-read-link"><a href="{}" lang="de" dir="ltr">Leichte Sprache: {}</a></p>',
        reverse("core:easy_read_page", args=[page.slug]),
        page.title,
    )


@register.filter
def mark_german(text):
    """`{{ survey.title|mark_german }}`: a `Text` shown as German fallback gets lang="de"."""
    if isinstance(text, Text):
        return marked(text)
    return text


@register.filter
def isolated(value):
    """`{{ user.email|isolated }}`: a name, address or number inside a sentence of another
    direction (Arabic, Persian) keeps its own order: `<bdi>` around the escaped value."""
    return format_html("<bdi>{}</bdi>", value)
