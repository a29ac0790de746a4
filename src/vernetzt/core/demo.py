"""Demo texts of the legal pages. Staff replace them in the back office."""

from .models import SitePage, SiteSettings

PAGES = {
    ("impressum", "de"): (
        "Impressum",
        "Dies ist eine Demo-Installation von vernetzt.\n\n"
        "Verantwortlich: Beispiel-Kompetenzzentrum (fiktiv), Musterstraße 1, "
        "60311 Frankfurt am Main.\n\n"
        "Das Team ändert diesen Text in der Verwaltung unter „Seiten“.",
    ),
    ("impressum", "en"): (
        "Legal notice",
        "This is a demo installation of vernetzt.\n\n"
        "Responsible: Example competence centre (fictional), Musterstraße 1, "
        "60311 Frankfurt am Main.\n\n"
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
        "Wir wollen, dass alle vernetzt nutzen können, und richten uns nach WCAG 2.1 AA.\n\n"
        "Wenn Ihnen eine Barriere auffällt, schreiben Sie uns bitte über das Impressum.",
    ),
    ("barrierefreiheit", "en"): (
        "Accessibility statement",
        "We want everyone to be able to use vernetzt and follow WCAG 2.1 AA.\n\n"
        "If you find a barrier, please write to us using the legal notice.",
    ),
}


def load(stdout):
    for (slug, language), (title, body) in PAGES.items():
        SitePage.objects.update_or_create(
            slug=slug, language=language, defaults={"title": title, "body": body}
        )
    stdout.write(f"  {len(PAGES)} site pages")
    if not SiteSettings.objects.exists():
        SiteSettings.objects.create(
            organisation_name="Kompetenzzentrum Vernetzung (Beispiel)",
            address="Beispielstraße 1\n60311 Frankfurt am Main",
            contact="kontakt@vernetzt.example · vernetzt.example",
            signature_name="Dr. Maria Beispiel",
            signature_role="Leitung des Kompetenzzentrums",
        )
