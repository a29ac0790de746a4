"""Demo texts of the legal pages, Leichte Sprache and sign language. Staff replace them."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from .models import EasyReadPage, SignLanguageVideo, SitePage, SiteSettings
from .translations import Status, store

PAGES = {
    ("impressum", "de"): (
        "Impressum",
        "Dies ist eine Demo-Installation von vernetzt.\n\n"
        "Verantwortlich: die oben genannte Organisation (fiktiv), vertreten durch "
        "Dr. Maria Beispiel.\n\n"
        "Das Team ändert diesen Text in der Verwaltung unter „Seiten“.",
    ),
    ("impressum", "en"): (
        "Legal notice",
        "This is a demo installation of vernetzt.\n\n"
        "Responsible: the organisation named above (fictional), represented by "
        "Dr. Maria Beispiel.\n\n"
        "The team changes this text in the back office under “Site pages”.",
    ),
    ("datenschutz", "de"): (
        "Datenschutz",
        "Wir speichern nur, was für das Netzwerk und die Treffen nötig ist.\n\n"
        "Angaben zu Ernährung, Barrierefreiheit und Dolmetschen sieht nur das Team; sie werden "
        "einige Wochen nach dem Treffen gelöscht.\n\n"
        "Diese Seite lädt nichts von anderen Anbietern und setzt nur notwendige Cookies "
        "(Sprache, Anmeldung, Schutz von Formularen).",
    ),
    ("datenschutz", "en"): (
        "Privacy notice",
        "We only keep what the network and the meetings need.\n\n"
        "Answers about diet, accessibility and interpretation are seen by the team only and "
        "deleted some weeks after the meeting.\n\n"
        "This site loads nothing from other providers and sets only necessary cookies "
        "(language, login, protection of forms).",
    ),
    ("barrierefreiheit", "de"): (
        "Erklärung zur Barrierefreiheit",
        "Wir wollen, dass alle vernetzt nutzen können. Diese Erklärung gilt für die Website "
        "vernetzt der oben genannten Organisation (fiktiv).\n\n"
        "Wenn Ihnen eine Barriere auffällt, schreiben Sie uns bitte mit dem Formular unten.",
    ),
    ("barrierefreiheit", "en"): (
        "Accessibility statement",
        "We want everyone to be able to use vernetzt. This statement covers the website "
        "vernetzt of the organisation named above (fictional).\n\n"
        "If you find a barrier, please write to us with the form below.",
    ),
}


EASY_READ = [
    (
        "was-ist-vernetzt",
        "Was ist vernetzt?",
        "home",
        "vernetzt ist eine Internet·seite.\n"
        "Auf der Seite finden sich Vereine.\n"
        "Die Vereine haben Menschen gegründet.\n"
        "Diese Menschen sind nach Deutschland gekommen.\n\n"
        "Auf vernetzt können Sie:\n\n"
        "- Vereine in Ihrer Nähe finden.\n"
        "- Sich zum Treffen anmelden.\n"
        "- Nachrichten lesen.\n\n"
        "Einmal im Jahr gibt es ein großes Treffen.\n"
        "Dort treffen sich viele Vereine aus Hessen.\n"
        "Sie reden miteinander.\n"
        "Sie lernen voneinander.",
    ),
    (
        "anmelden-zum-treffen",
        "So melden Sie sich zum Treffen an",
        "registration",
        "Sie möchten zum Treffen kommen?\n"
        "Dann melden Sie sich an.\n\n"
        "So geht es:\n\n"
        "- Klicken Sie auf: Jetzt zum Treffen anmelden.\n"
        "- Schreiben Sie Ihren Namen.\n"
        "- Schreiben Sie Ihre E-Mail-Adresse.\n"
        "- Klicken Sie auf: Anmelden.\n\n"
        "Sie bekommen dann eine E-Mail.\n"
        "In der E-Mail ist Ihr Ticket.\n"
        "Das Ticket zeigen Sie am Eingang.\n\n"
        "Sind alle Plätze voll?\n"
        "Dann kommen Sie auf die Warte·liste.\n"
        "Gibt es wieder einen freien Platz?\n"
        "Dann bekommen Sie den Platz.\n"
        "Wir schreiben Ihnen eine E-Mail.",
    ),
    (
        "der-live-raum",
        "Der Live-Raum",
        "live",
        "Beim Treffen gibt es einen Live-Raum.\n"
        "Den Live-Raum öffnen Sie mit Ihrem Handy.\n"
        "Sie brauchen kein Konto.\n\n"
        "Im Live-Raum können Sie:\n\n"
        "- Fragen an das Podium stellen.\n"
        "- Bei Umfragen mit·machen.\n"
        "- Sich auf den freien Stuhl setzen.\n\n"
        "Der freie Stuhl steht auf dem Podium.\n"
        "Jeder darf sich dort hin·setzen.\n"
        "Dann dürfen Sie mit·reden.\n\n"
        "Sie können die Sprache wählen.\n"
        "Die Knöpfe dafür sind oben.",
    ),
]

CAPTIONS = (
    "WEBVTT\n\n"
    "00:00.000 --> 00:01.000\n"
    "Willkommen bei vernetzt.\n\n"
    "00:01.000 --> 00:02.000\n"
    "(Test-Video ohne Gebärden)\n"
)


def load(stdout):
    for (slug, language), (title, body) in PAGES.items():
        if language == "de":
            page, _created = SitePage.objects.update_or_create(
                slug=slug, defaults={"title": title, "body": body}
            )
        else:  # the German page comes first in PAGES
            page = SitePage.objects.get(slug=slug)
            store(page, "title", language, title, Status.HUMAN)
            store(page, "body", language, body, Status.HUMAN)
            page.save(update_fields=["translations"])
    for position, (slug, title, explains, body) in enumerate(EASY_READ):
        EasyReadPage.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "explains": explains,
                "body": body,
                "position": position,
                "is_published": True,
            },
        )
    if not SignLanguageVideo.objects.exists():
        from .easy_read import inspect_video, make_test_video  # noqa: PLC0415

        data = make_test_video(seconds=2)
        video = SignLanguageVideo(
            title="Willkommen bei vernetzt (Test-Video)",
            description="Ein kurzes erzeugtes Test-Video. Das Team ersetzt es durch ein Video "
            "in Deutscher Gebärdensprache.",
            is_published=True,
        )
        video.video.save("willkommen.webm", ContentFile(data), save=False)
        video.captions.save("willkommen.vtt", ContentFile(CAPTIONS.encode()), save=False)
        info = inspect_video(video.video.open("rb"))
        video.width, video.height, video.frame_rate = info.width, info.height, info.frame_rate
        video.save()
    stdout.write(
        f"  {SitePage.objects.count()} site pages, {len(EASY_READ)} in Leichte Sprache, 1 DGS video"
    )
    _operator(stdout)


OLD_DEMO_NAME = "Kompetenzzentrum Vernetzung (Beispiel)"
OPERATOR_NAME = "Kompetenzzentrum Vielfalt Migrantenorganisationen (Demo)"


def _demo_logo() -> bytes:
    """A small generated logo (two overlapping circles), so the header shows one."""
    image = Image.new("RGB", (160, 72), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 8, 68, 64), fill="#0b6e4f")
    draw.ellipse((44, 8, 100, 64), fill="#f2a541")
    draw.rectangle((112, 20, 148, 52), fill="#1d3557")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _operator(stdout):
    """The operating organisation of the demo (the competence centre that runs the meeting in
    Hesse); an address and contact that are examples. Left alone once staff changed it."""
    site = SiteSettings.objects.filter(pk=1).first()
    if site is not None and site.organisation_name not in ("", OLD_DEMO_NAME):
        return
    site = site or SiteSettings()
    site.organisation_name = OPERATOR_NAME
    site.address = "Beispielstraße 1\n60311 Frankfurt am Main"
    site.contact = "kontakt@vernetzt.example · 069 123456-0 · vernetzt.example"
    site.signature_name = "Dr. Maria Beispiel"
    site.signature_role = "Leitung des Kompetenzzentrums"
    if not site.logo:
        site.logo.save("demo-logo.png", ContentFile(_demo_logo()), save=False)
    site.save()
    stdout.write(f"  operating organisation: {OPERATOR_NAME}")
