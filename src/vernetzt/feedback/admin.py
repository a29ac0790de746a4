from django.contrib import admin

from .models import Question, Survey


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = [("key", "kind", "required", "position"), "text", "choices"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    """A fallback for technical staff; surveys are edited on their staff pages
    (`/veranstaltungen/<slug>/verwaltung/umfragen/`), translations on the translation page."""

    list_display = ["title", "event", "status", "sent_at"]
    list_filter = ["status", "event"]
    fields = ["event", "title", "intro"]
    inlines = [QuestionInline]

    def has_change_permission(self, request, obj=None):
        # Questions of a survey that has answers stay as they are: answers refer to them.
        if obj is not None and obj.responses.exists():
            return False
        return super().has_change_permission(request, obj)
