# ruff: noqa: E501 - demo texts are matched by their exact German wording
"""Demo: English and Arabic translations of the 2026 meeting's content and one news post.

Applied after every app's demo data (by `manage.py demo`), matched by the German text, so that
this module needs no import of the apps that own the content. The Arabic is marked as awaiting
review by a native speaker; one fictional association gets a Turkish and an Arabic description.
"""

from django.apps import apps

from .translations import Status, source_text, store, translatable_models

# German text -> {language: translation}
TEXTS = {
    "Vernetzungstreffen 2026": {"en": "Networking meeting 2026", "ar": "لقاء التشبيك 2026"},
    "7. hessenweites Vernetzungstreffen (Beispiel)": {
        "en": "7th Hesse-wide networking meeting (example)",
        "ar": "لقاء التشبيك السابع على مستوى ولاية هسن (مثال)",
    },
    "Gemeinsam stark vor Ort (Beispielthema)": {
        "en": "Strong together where we live (example theme)",
        "ar": "أقوى معًا في مدننا وقرانا (موضوع على سبيل المثال)",
    },
    "Ein Beispiel für ein kommendes Treffen: die Anmeldung ist offen.": {
        "en": "An example of an upcoming meeting: registration is open.",
        "ar": "مثال على لقاء قادم: التسجيل مفتوح.",
    },
    "Mit S- und U-Bahn bis Frankfurt Hauptbahnhof, dann wenige Minuten zu Fuß (Beispielangabe).": {
        "en": "By S-Bahn or U-Bahn to Frankfurt main station, then a few minutes on foot (example).",
        "ar": "بالقطار (S-Bahn أو U-Bahn) حتى محطة فرانكفورت الرئيسية، ثم بضع دقائق سيرًا على الأقدام (مثال).",
    },
    "Grußwort der Ministerin": {"en": "Welcome by the minister", "ar": "كلمة ترحيب من الوزيرة"},
    "Impulsvortrag": {"en": "Keynote", "ar": "محاضرة افتتاحية"},
    "Offenes Podium mit freiem Stuhl": {
        "en": "Open panel with a free chair",
        "ar": "منصة حوار مفتوحة مع كرسي شاغر",
    },
    "Mittagessen": {"en": "Lunch", "ar": "الغداء"},
    "Vier Austausch-Foren: Ressourcen teilen, digitale Netzwerke, Allianzen bilden, vor Ort kooperieren": {
        "en": "Four exchange forums: sharing resources, digital networks, building alliances, "
        "cooperating locally",
        "ar": "أربعة منتديات للتبادل: تقاسم الموارد، الشبكات الرقمية، بناء التحالفات، "
        "التعاون المحلي",
    },
    "Vernetzung und Abschluss": {"en": "Networking and closing", "ar": "التشبيك والختام"},
    "Foren am Vormittag": {"en": "Morning forums", "ar": "منتديات الفترة الصباحية"},
    "Foren am Nachmittag": {"en": "Afternoon forums", "ar": "منتديات فترة بعد الظهر"},
    "Ehrenamt stärken": {"en": "Strengthening volunteering", "ar": "تعزيز العمل التطوعي"},
    "Förderung finden": {"en": "Finding funding", "ar": "العثور على التمويل"},
    "Jugend im Verein": {"en": "Young people in the association", "ar": "الشباب في الجمعية"},
    "Sichtbar werden": {"en": "Becoming visible", "ar": "أن نصبح مرئيين"},
    "Gemeinsam auftreten": {"en": "Speaking with one voice", "ar": "الظهور بصوت واحد"},
    "Vor Ort wirken": {"en": "Making a difference locally", "ar": "التأثير على المستوى المحلي"},
    "Austausch in kleiner Runde (Beispiel).": {
        "en": "Exchange in a small group (example).",
        "ar": "تبادل في مجموعة صغيرة (مثال).",
    },
    # The news post about the 2025 meeting
    "Sechstes hessenweites Vernetzungstreffen: Netzwerke stärken": {
        "en": "Sixth Hesse-wide networking meeting: strengthening networks",
        "ar": "لقاء التشبيك السادس على مستوى ولاية هسن: تقوية الشبكات",
    },
    "Am 22. November 2025 ging es in Frankfurt um die Frage, wie Vereine ihre Netzwerke stärken "
    "können – mit Ministerin Heike Hofmann, einem offenen Podium und vier Austausch-Foren.": {
        "en": "On 22 November 2025 in Frankfurt, associations discussed how to strengthen their "
        "networks – with Minister Heike Hofmann, an open panel and four exchange forums.",
        "ar": "في 22 نوفمبر 2025 في فرانكفورت دار النقاش حول كيفية تقوية الجمعيات لشبكاتها، "
        "بحضور الوزيرة Heike Hofmann، ومنصة حوار مفتوحة، وأربعة منتديات للتبادل.",
    },
    "Zum sechsten Mal kamen (post-)migrantische Selbstorganisationen aus ganz Hessen zusammen, "
    "diesmal am 22. November 2025 in Frankfurt. Ministerin Heike Hofmann eröffnete den Tag, "
    "danach sprach Tzehaie Semere.\n\n"
    "Auf dem offenen Podium diskutierten Ministerin Hofmann, Leila Mohtadi (ALL IN Kassel) und "
    "das Publikum. Ein Stuhl auf dem Podium blieb frei: Wer etwas sagen wollte, konnte sich "
    "dazusetzen. Rachel Etse moderierte.\n\n"
    "Nach dem Essen tauschten sich die Teilnehmenden in vier Foren aus: Ressourcen teilen, "
    "digitale Netzwerke, Allianzen bilden und vor Ort kooperieren. KONE e.V., Projekt Moses "
    "Jugend- und Sozialwerk e.V., The Concerned Nigerians e.V., Deutsch-Syrischer Verein e.V. "
    "und ZAN e.V. erzählten aus ihrer Praxis.\n\n"
    "Das Treffen wurde vom Hessischen Ministerium für Arbeit, Integration, Jugend und Soziales "
    "gefördert. Die Fotos machte Pola Sell. Die Dokumentation erscheint bald.": {
        "en": "For the sixth time, (post-)migrant self-organisations from all over Hesse came "
        "together, this time on 22 November 2025 in Frankfurt. Minister Heike Hofmann opened "
        "the day, followed by a talk by Tzehaie Semere.\n\n"
        "On the open panel, Minister Hofmann, Leila Mohtadi (ALL IN Kassel) and the audience "
        "discussed. One chair on the panel stayed free: anyone who wanted to say something "
        "could sit down there. Rachel Etse moderated.\n\n"
        "After lunch, the participants exchanged ideas in four forums: sharing resources, "
        "digital networks, building alliances and cooperating locally. KONE e.V., Projekt Moses "
        "Jugend- und Sozialwerk e.V., The Concerned Nigerians e.V., Deutsch-Syrischer Verein "
        "e.V. and ZAN e.V. told of their practice.\n\n"
        "The meeting was funded by the Hessian Ministry of Labour, Integration, Youth and "
        "Social Affairs. The photos were taken by Pola Sell. The documentation follows soon.",
        "ar": "للمرة السادسة اجتمعت منظمات ذاتية (ما بعد) مهاجرة من جميع أنحاء ولاية هسن، "
        "وكان ذلك هذه المرة في 22 نوفمبر 2025 في فرانكفورت. افتتحت الوزيرة Heike Hofmann "
        "اليوم، ثم تحدث Tzehaie Semere.\n\n"
        "على منصة الحوار المفتوحة تناقشت الوزيرة Hofmann و Leila Mohtadi (ALL IN Kassel) "
        "مع الجمهور. بقي كرسي على المنصة شاغرًا: كان بإمكان كل من أراد أن يقول شيئًا أن "
        "يجلس عليه. أدارت Rachel Etse الحوار.\n\n"
        "بعد الغداء تبادل المشاركون والمشاركات الآراء في أربعة منتديات: تقاسم الموارد، "
        "والشبكات الرقمية، وبناء التحالفات، والتعاون المحلي. وتحدثت الجمعيات KONE e.V. "
        "و Projekt Moses Jugend- und Sozialwerk e.V. و The Concerned Nigerians e.V. "
        "و Deutsch-Syrischer Verein e.V. و ZAN e.V. عن تجاربها العملية.\n\n"
        "حظي اللقاء بدعم وزارة العمل والاندماج والشباب والشؤون الاجتماعية في ولاية هسن. "
        "التقطت الصور Pola Sell. ستصدر الوثائق قريبًا.",
    },
}


QUESTION = {
    "key": "anreise",
    "label": "Wie reisen Sie an?",
    "help_text": "Freiwillig. So planen wir Fahrräder, Parkplätze und Wegweiser.",
    "choices": ["Mit Bus und Bahn", "Mit dem Auto", "Zu Fuß oder mit dem Fahrrad"],
}
TEXTS.update(
    {
        "Wie reisen Sie an?": {"en": "How will you travel?", "ar": "كيف ستصلون إلى اللقاء؟"},
        "Freiwillig. So planen wir Fahrräder, Parkplätze und Wegweiser.": {
            "en": "Optional. It helps us plan bicycle stands, parking and signs.",
            "ar": "اختياري. يساعدنا ذلك في التخطيط لمواقف الدراجات والسيارات واللافتات.",
        },
        "Mit Bus und Bahn\nMit dem Auto\nZu Fuß oder mit dem Fahrrad": {
            "en": "By bus and train\nBy car\nOn foot or by bicycle",
            "ar": "بالحافلة والقطار\nبالسيارة\nسيرًا على الأقدام أو بالدراجة",
        },
    }
)

ORGANISATION_TEXT = {
    "de": "Wir sind ein Beispielverein für die Demo von vernetzt. Wir bringen Familien aus "
    "vielen Ländern zusammen: mit Hausaufgabenhilfe, einem Frauencafé und Beratung in "
    "mehreren Sprachen.",
    "tr": "vernetzt demosu için örnek bir derneğiz. Birçok ülkeden gelen aileleri bir araya "
    "getiriyoruz: ödev yardımı, bir kadın kafesi ve birçok dilde danışmanlık ile.",
    "ar": "نحن جمعية نموذجية لعرض منصة vernetzt. نجمع العائلات القادمة من بلدان كثيرة: "
    "من خلال المساعدة في الواجبات المدرسية، ومقهى للنساء، والاستشارة بعدة لغات.",
}


def _demo_question():
    event = apps.get_model("events", "Event").objects.filter(slug="vernetzungstreffen-2026").first()
    if event is None:
        return
    question_model = apps.get_model("registration", "Question")
    question_model.objects.get_or_create(
        event=event,
        key=QUESTION["key"],
        defaults={**QUESTION, "kind": "single", "position": 50},
    )


def load(stdout):
    _demo_question()
    count = 0
    for model in translatable_models():
        for obj in model.objects.all():
            changed = False
            for field in model.translated_fields:
                german = source_text(obj, field)
                for language, text in TEXTS.get(german, {}).items():
                    if (obj.translations or {}).get(language, {}).get(field):
                        continue
                    store(
                        obj, field, language, text, Status.HUMAN, awaiting_review=language == "ar"
                    )
                    changed = True
                    count += 1
            if changed:
                obj.save(update_fields=["translations"])
    organisation_model = apps.get_model("directory", "Organisation")
    already = organisation_model.objects.filter(description=ORGANISATION_TEXT["de"]).exists()
    example = (
        organisation_model.objects.filter(
            is_published=True, description__startswith="Ein erfundener"
        )
        .order_by("pk")
        .first()
    )
    if example is not None and not already:
        example.description = ORGANISATION_TEXT["de"]
        example.description_translations = {
            **(example.description_translations or {}),
            "tr": ORGANISATION_TEXT["tr"],
            "ar": ORGANISATION_TEXT["ar"],
        }
        example.save()
    stdout.write(f"  {count} translated texts (English; Arabic awaiting review)")
