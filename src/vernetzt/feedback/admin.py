from django.contrib import admin

from .models import Question, Survey


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1
    fields = [
        ("key", "kind", "required", "position"),
        ("text_de", "text_en", "text_ar"),
        ("choices_de", "choices_en", "choices_ar"),
    ]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title_de", "event", "status", "sent_at"]
    list_filter = ["status", "event"]
    fields = ["event", "title_de", "title_en", "title_ar", "intro_de", "intro_en", "intro_ar"]
    inlines = [QuestionInline]

    def has_change_permission(self, request, obj=None):
        # Questions of a survey that has answers stay as they are: answers refer to them.
        if obj is not None and obj.responses.exists():
            return False
        return super().has_change_permission(request, obj)
