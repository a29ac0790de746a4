"""Share of visible letters that are German and not inside lang="de", per main page and language.

    .venv/bin/python bench/german_share.py [ar en ...]      (Arabic by default)

Loads the demo data into a throwaway database, renders each main page through Django's test
client with the language cookie set, and counts (see vernetzt.core.i18n_tools.german_letters).
The goal is 0: every German text a visitor of another language sees is marked lang="de".
"""

import os
import sys

from _setup import ROOT, django_with_fresh_database, write_result

os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")


def pages():
    from django.urls import reverse

    from vernetzt.directory.models import Organisation
    from vernetzt.events.models import Event
    from vernetzt.live.models import LiveRoom as Room
    from vernetzt.publishing.models import NewsPost

    event = Event.objects.get(slug="vernetzungstreffen-2026")
    organisation = (
        Organisation.objects.filter(is_published=True).exclude(description_translations={}).first()
    )
    news = NewsPost.objects.order_by("-publish_at").first()
    room = Room.objects.order_by("pk").first()
    result = {
        "home": reverse("core:home"),
        "directory": reverse("directory:list"),
        "association": organisation.get_absolute_url(),
        "meetings": reverse("events:list"),
        "meeting 2026": event.get_absolute_url(),
        "registration": reverse("registration:register", args=[event.slug]),
        "news": reverse("publishing:news_list"),
        "news post": news.get_absolute_url(),
        "needs and demands": reverse("forums:needs"),
        "accessibility": reverse("core:site_page", args=["barrierefreiheit"]),
        "legal notice": reverse("core:site_page", args=["impressum"]),
        "documentation 2019": reverse("publishing:documentation", args=["vernetzungstreffen-2019"]),
        "leichte sprache": reverse("core:easy_read_index"),
        "sign language": reverse("core:sign_language"),
        "log in": reverse("account_login"),
    }
    if room is not None:
        result["live room (phone)"] = reverse("live:phone", args=[room.code])
    return result


def main(languages):
    django_with_fresh_database("vernetzt-german-share-")
    from django.core.management import call_command
    from django.test import Client

    from vernetzt.core.i18n_tools import german_letters, vocabularies

    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    german, english = vocabularies(ROOT / "src" / "vernetzt", with_content=True)
    figures = {}
    for language in languages:
        client = Client()
        client.cookies["vernetzt_language"] = language
        per_page = {}
        for name, url in pages().items():
            response = client.get(url)
            html = response.content.decode()
            unmarked, total, words = german_letters(html, german, english, language)
            share = round(100 * unmarked / total, 1) if total else 0.0
            per_page[name] = {
                "status": response.status_code,
                "german_unmarked_percent": share,
                "examples": sorted(set(words))[:8],
            }
            print(
                f"{language} {name:<20} {response.status_code} {share:5.1f} %  "
                f"{', '.join(sorted(set(words))[:6])}"
            )
        figures[language] = per_page
    write_result("german_share", figures)


if __name__ == "__main__":
    main(sys.argv[1:] or ["ar"])
