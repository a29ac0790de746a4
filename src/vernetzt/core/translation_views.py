"""Staff pages for translated content: what is missing or outdated, and one object's texts."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import machine_translation, services
from .forms import TranslationForm
from .permissions import permission_required
from .queries import translation_overview as overview_rows
from .translations import model_for, target_languages


@permission_required("core.manage_translations")
def translation_overview(request):
    language = request.GET.get("language", "")
    if language not in target_languages():
        language = target_languages()[0]
    summary, rows = overview_rows(language)
    return render(
        request,
        "core/translation_overview.html",
        {"summary": summary, "rows": rows, "language": language, "languages": target_languages()},
    )


@permission_required("core.manage_translations")
def translation_edit(request, label, pk):
    model = model_for(label)
    if model is None:
        return render(request, "core/error.html", {"title": _("Page not found")}, status=404)
    obj = get_object_or_404(model, pk=pk)
    if request.method == "POST" and request.POST.get("suggest") in target_languages():
        try:
            count = services.suggest_translations(obj=obj, language=request.POST["suggest"])
            messages.success(
                request, _("%(count)s machine suggestions to review.") % {"count": count}
            )
        except machine_translation.TranslationUnavailable:
            messages.error(request, _("The machine translation service did not answer."))
        return redirect(request.path)
    form = TranslationForm(request.POST or None, obj=obj)
    if request.method == "POST" and form.is_valid():
        services.save_translations(obj=obj, texts=form.texts(), accept=form.accepted())
        messages.success(request, _("The translations are saved."))
        return redirect(request.path)
    return render(
        request,
        "core/translation_edit.html",
        {"obj": obj, "form": form, "can_suggest": machine_translation.available()},
    )
