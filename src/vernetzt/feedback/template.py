"""The survey template "Feedback Vernetzungstreffen": German, English, and Arabic, Turkish,
Ukrainian and Persian (stored as awaiting review by a native speaker, decision 0130/0185)."""

from .models import Question

REVIEWED = ("en",)  # the other languages are marked "awaiting review" when a survey is made

TITLE = {
    "de": "Feedback Vernetzungstreffen",
    "en": "Feedback on the networking meeting",
    "ar": "ملاحظاتكم على لقاء التشبيك",
    "tr": "Ağ buluşması hakkında geri bildirim",
    "uk": "Відгук про зустріч мережі",
    "fa": "بازخورد درباره نشست شبکه‌سازی",
}

INTRO = {
    "de": "Ihre Antworten sind anonym. Sie helfen uns, das nächste Treffen zu planen.",
    "en": "Your answers are anonymous. They help us plan the next meeting.",
    "ar": "إجاباتكم مجهولة الهوية. وهي تساعدنا على التخطيط للقاء القادم.",
    "tr": "Yanıtlarınız anonimdir. Bir sonraki buluşmayı planlamamıza yardımcı olur.",
    "uk": "Ваші відповіді анонімні. Вони допомагають нам спланувати наступну зустріч.",
    "fa": "پاسخ‌های شما ناشناس است. این پاسخ‌ها به ما کمک می‌کنند نشست بعدی را برنامه‌ریزی کنیم.",
}

QUESTIONS = [
    {
        "key": "overall",
        "kind": Question.Kind.SCALE,
        "required": True,
        "text": {
            "de": "Wie hat Ihnen das Treffen insgesamt gefallen?",
            "en": "How did you like the meeting overall?",
            "ar": "إلى أي حد أعجبكم اللقاء بشكل عام؟",
            "tr": "Buluşmayı genel olarak nasıl buldunuz?",
            "uk": "Наскільки вам загалом сподобалася зустріч?",
            "fa": "در مجموع نشست را چگونه ارزیابی می‌کنید؟",
        },
    },
    {
        "key": "new-contacts",
        "kind": Question.Kind.SCALE,
        "required": True,
        "text": {
            "de": "Haben Sie neue Kontakte zu anderen Vereinen geknüpft?",
            "en": "Did you make new contacts with other associations?",
            "ar": "هل أقمتم علاقات جديدة مع جمعيات أخرى؟",
            "tr": "Başka derneklerle yeni bağlantılar kurdunuz mu?",
            "uk": "Чи налагодили ви нові контакти з іншими об’єднаннями?",
            "fa": "آیا با انجمن‌های دیگر ارتباط تازه‌ای برقرار کردید؟",
        },
    },
    {
        "key": "best-part",
        "kind": Question.Kind.SINGLE,
        "required": False,
        "text": {
            "de": "Welcher Teil war für Sie am wichtigsten?",
            "en": "Which part mattered most to you?",
            "ar": "أي جزء كان الأهم بالنسبة لكم؟",
            "tr": "Sizin için en önemli bölüm hangisiydi?",
            "uk": "Яка частина була для вас найважливішою?",
            "fa": "کدام بخش برای شما مهم‌تر بود؟",
        },
        "choices": {
            "de": [
                "Begrüßung und Vortrag",
                "Offenes Podium",
                "Austausch-Foren",
                "Gespräche in den Pausen",
            ],
            "en": ["Greeting and talk", "Open panel", "Exchange forums", "Talks during the breaks"],
            "ar": [
                "الترحيب والمحاضرة",
                "المنصة المفتوحة",
                "منتديات التبادل",
                "الأحاديث في الاستراحات",
            ],
            "tr": ["Açılış ve konuşma", "Açık panel", "Paylaşım forumları", "Aralardaki sohbetler"],
            "uk": [
                "Привітання та доповідь",
                "Відкрита панельна дискусія",
                "Форуми для обміну",
                "Розмови в перервах",
            ],
            "fa": [
                "خوشامدگویی و سخنرانی",
                "میزگرد باز",
                "فروم‌های تبادل تجربه",
                "گفت‌وگو در زمان استراحت",
            ],
        },
    },
    {
        "key": "topics-next-year",
        "kind": Question.Kind.MULTIPLE,
        "required": False,
        "text": {
            "de": "Welche Themen wünschen Sie sich für das nächste Treffen?",
            "en": "Which topics would you like at the next meeting?",
            "ar": "ما المواضيع التي تودون تناولها في اللقاء القادم؟",
            "tr": "Bir sonraki buluşmada hangi konuları görmek istersiniz?",
            "uk": "Які теми ви хотіли б обговорити на наступній зустрічі?",
            "fa": "دوست دارید در نشست بعدی به چه موضوع‌هایی پرداخته شود؟",
        },
        "choices": {
            "de": [
                "Förderung und Finanzen",
                "Digitale Werkzeuge",
                "Ehrenamt gewinnen",
                "Politische Teilhabe",
            ],
            "en": [
                "Funding and money",
                "Digital tools",
                "Finding volunteers",
                "Taking part in politics",
            ],
            "ar": ["التمويل والمال", "الأدوات الرقمية", "استقطاب المتطوعين", "المشاركة السياسية"],
            "tr": ["Destek ve finansman", "Dijital araçlar", "Gönüllü bulmak", "Siyasi katılım"],
            "uk": [
                "Фінансування та гроші",
                "Цифрові інструменти",
                "Залучення волонтерів",
                "Участь у політиці",
            ],
            "fa": ["حمایت مالی و بودجه", "ابزارهای دیجیتال", "جذب داوطلب", "مشارکت سیاسی"],
        },
    },
    {
        "key": "comments",
        "kind": Question.Kind.TEXT,
        "required": False,
        "text": {
            "de": "Was möchten Sie uns noch sagen?",
            "en": "Is there anything else you would like to tell us?",
            "ar": "هل هناك شيء آخر تودون قوله لنا؟",
            "tr": "Bize söylemek istediğiniz başka bir şey var mı?",
            "uk": "Що ще ви хотіли б нам сказати?",
            "fa": "چیز دیگری هست که بخواهید به ما بگویید؟",
        },
    },
]
