"""Leichte Sprache, German Sign Language and the accessibility statement's feedback form."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import BarrierReportForm
from .models import EasyReadPage, SignLanguageVideo


def _visible(queryset, user):
    return queryset if user.is_staff else queryset.filter(is_published=True)


def easy_read_index(request):
    pages = _visible(EasyReadPage.objects.all(), request.user)
    return render(request, "core/easy_read_index.html", {"pages": pages})


def easy_read_page(request, slug):
    page = get_object_or_404(_visible(EasyReadPage.objects.all(), request.user), slug=slug)
    return render(request, "core/easy_read_page.html", {"page": page})


def sign_language(request):
    videos = _visible(SignLanguageVideo.objects.all(), request.user)
    return render(request, "core/sign_language.html", {"videos": videos})


def sign_language_file(request, pk, kind):
    if kind not in ("video", "captions"):
        raise Http404
    video = get_object_or_404(_visible(SignLanguageVideo.objects.all(), request.user), pk=pk)
    stored = video.video if kind == "video" else video.captions
    if not stored:
        raise Http404
    if kind == "captions":
        return FileResponse(stored.open("rb"), content_type="text/vtt; charset=utf-8")
    download = request.GET.get("download") == "1"
    suffix = stored.name.rsplit(".", 1)[-1]
    return FileResponse(
        stored.open("rb"), as_attachment=download, filename=f"gebaerdensprache-{video.pk}.{suffix}"
    )


@require_POST
def report_barrier(request):
    """The statement's feedback form; answered in the language the statement was read in."""
    form = BarrierReportForm(request.POST)
    if not form.is_valid():
        from .views import site_page  # noqa: PLC0415 - the statement page shows the form again

        return site_page(request, "barrierefreiheit", form=form)
    services.report_barrier(language=get_language(), **form.cleaned_data)
    messages.success(request, _("Thank you. We have received your message and will answer you."))
    return redirect("core:site_page", slug="barrierefreiheit")
