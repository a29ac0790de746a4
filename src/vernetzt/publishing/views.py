"""Pages of publishing: news, photos and gallery, documentation, the yearly report."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vernetzt.core.exports import xlsx_response
from vernetzt.core.permissions import permission_required
from vernetzt.core.translations import fingerprint
from vernetzt.events.models import Event

from . import images, pdf, queries, services
from .forms import DocumentationForm, PhotoForm, PhotoUploadForm
from .models import Documentation, NewsPost, Photo

MAX_UPLOAD_REQUEST = 400 * 1024 * 1024


staff_required = permission_required("publishing.manage_publishing")


def _language(request) -> str:
    """`?lang=<code>` (any language of the site) for a page or PDF in another language than
    the visitor's, otherwise the visitor's."""
    asked = request.GET.get("lang", "")
    if asked in dict(settings.LANGUAGES):
        return asked
    return get_language() or settings.LANGUAGE_CODE


# --- News -------------------------------------------------------------------------------------


@require_GET
def news_list(request):
    posts = NewsPost.objects.published().prefetch_related("events")
    page = Paginator(posts, 10).get_page(request.GET.get("page"))
    return render(request, "publishing/news_list.html", {"page_obj": page, "posts": page})


@require_GET
def news_detail(request, slug):
    post = get_object_or_404(NewsPost, slug=slug)
    if not post.is_published and not request.user.has_perm("publishing.manage_publishing"):
        raise Http404
    return render(request, "publishing/news_detail.html", {"post": post})


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("vernetzt – News")
    subtitle = gettext_lazy("News about the network and its meetings")
    link = reverse_lazy("publishing:news_list")

    def items(self):
        return NewsPost.objects.published()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at


# --- Photos -----------------------------------------------------------------------------------


@require_GET
def gallery(request, slug):
    event = get_object_or_404(Event, slug=slug, status__in=Event.VISIBLE_STATUSES)
    photos = event.photos.filter(lacks_consent=False)
    return render(request, "publishing/gallery.html", {"event": event, "photos": photos})


@permission_required("publishing.upload_photos")
def photo_upload(request, slug):
    """Bulk upload by staff or a photographer's account."""
    event = get_object_or_404(Event, slug=slug)
    form = PhotoUploadForm()
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_REQUEST:
            messages.error(request, _("The upload is too large. Please send fewer photos at once."))
            return redirect("publishing:photo_upload", slug=slug)
        form = PhotoUploadForm(request.POST, request.FILES)
        if form.is_valid():
            files = []
            problems = []
            for upload in form.cleaned_data["files"]:
                is_zip = upload.name.lower().endswith(".zip")
                if upload.size > images.MAX_BYTES and not is_zip:
                    # refused before reading it into memory
                    problems.append(
                        _("%(name)s is larger than %(max)s MB.")
                        % {"name": upload.name[:200], "max": images.MAX_BYTES >> 20}
                    )
                    continue
                files.append((upload.name, upload.read()))
            photos, more = services.upload_photos(
                event=event,
                files=files,
                credit=form.cleaned_data["credit"],
                licence=form.cleaned_data["licence"],
                user=request.user,
            )
            for problem in problems + more:
                messages.error(request, problem)
            if photos:
                messages.success(request, _("%(count)s photos uploaded.") % {"count": len(photos)})
            return redirect("publishing:photo_upload", slug=slug)
    photos = (
        event.photos.all()
        if request.user.has_perm("publishing.manage_publishing")
        else (event.photos.filter(uploaded_by=request.user))
    )
    return render(
        request, "publishing/photo_upload.html", {"event": event, "form": form, "photos": photos}
    )


@staff_required
def photo_edit(request, slug, pk):
    photo = get_object_or_404(Photo, pk=pk, event__slug=slug)
    form = PhotoForm(request.POST or None, instance=photo)
    if request.method == "POST":
        if "delete" in request.POST:
            services.delete_photo(photo=photo)
            messages.success(request, _("The photo was deleted."))
            return redirect("publishing:photo_upload", slug=slug)
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return redirect("publishing:photo_upload", slug=slug)
    return render(
        request, "publishing/photo_edit.html", {"event": photo.event, "photo": photo, "form": form}
    )


# --- Documentation ----------------------------------------------------------------------------


def _documentation_for(request, slug):
    """The documentation to show: published for everybody, the draft for staff only."""
    documentation = get_object_or_404(
        Documentation.objects.select_related("event", "cover_photo"), event__slug=slug
    )
    is_staff = request.user.has_perm("publishing.manage_publishing")
    if not documentation.is_published and not is_staff:
        raise Http404
    return documentation


@require_GET
def documentation(request, slug):
    documentation = _documentation_for(request, slug)
    language = _language(request)
    context = queries.documentation_content(documentation, public=True, language=language)
    context.update(
        {
            "preview": not documentation.is_published,
            "paragraphs": {
                block: queries.paragraphs(context[block])
                for block in ("greeting", "summary", "thanks")
            },
            "doc_language": language,
        }
    )
    with translation.override(language):  # ?lang= shows the whole page in that language
        return render(request, "publishing/documentation.html", context)


@require_GET
def documentation_pdf(request, slug):
    documentation = _documentation_for(request, slug)
    language = _language(request)

    def build():
        context = queries.documentation_content(documentation, public=True, language=language)
        context["paragraphs"] = {
            block: queries.paragraphs(context[block]) for block in ("greeting", "summary", "thanks")
        }
        context["generated_at"] = timezone.now()
        return pdf.render("publishing/pdf/documentation.html", context, language=language)

    if documentation.is_published:
        last_photo = documentation.event.photos.order_by("-id").values_list("id", flat=True)
        data = pdf.cached(
            [
                "documentation",
                documentation.pk,
                language,
                documentation.updated_at.isoformat(),
                fingerprint(json.dumps(documentation.translations, sort_keys=True)),
                last_photo.first(),
                documentation.photos.count(),
            ],
            build,
        )
    else:
        data = build()
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="dokumentation-{slug}.pdf"'
    return response


@staff_required
def documentation_edit(request, slug):
    """Staff edit the text blocks and choose photos (the rest is assembled from data)."""
    event = get_object_or_404(Event, slug=slug)
    documentation = services.get_or_create_documentation(event=event)
    form = DocumentationForm(request.POST or None, instance=documentation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. Check the preview before publishing."))
        return redirect("publishing:documentation_edit", slug=slug)
    return render(
        request,
        "publishing/documentation_edit.html",
        {
            "event": event,
            "documentation": documentation,
            "form": form,
            "problems": services.consent_problems(documentation)
            + services.placeholder_problems(documentation),
            "empty_sections": services.empty_sections(documentation),
            "sections": queries.contributed_sections(event),
        },
    )


@staff_required
@require_POST
def documentation_publish(request, slug):
    documentation = get_object_or_404(Documentation, event__slug=slug)
    if request.POST.get("action") == "unpublish":
        services.unpublish_documentation(documentation=documentation)
        messages.success(request, _("The documentation is a draft again and no longer public."))
        return redirect("publishing:documentation_edit", slug=slug)
    try:
        services.publish_documentation(documentation=documentation)
    except services.PublishingError as error:
        messages.error(request, _("Not published: %(reason)s") % {"reason": error})
        return redirect("publishing:documentation_edit", slug=slug)
    messages.success(request, _("The documentation is published."))
    return redirect("publishing:documentation", slug=slug)


# --- Report for the ministry -----------------------------------------------------------------

report_access = permission_required("publishing.view_report")


@report_access
@require_GET
def report_index(request):
    return render(request, "publishing/report_index.html", {"years": queries.report_years()})


@report_access
@require_GET
def report(request, year):
    return render(request, "publishing/report.html", queries.report(year))


@report_access
@require_GET
def report_pdf(request, year):
    data = pdf.render(
        "publishing/pdf/report.html", queries.report(year), language=_language(request)
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sachbericht-{year}.pdf"'
    return response


@report_access
@require_GET
def report_xlsx(request, year):
    data = queries.report(year)
    header = [
        _("Meeting"),
        _("Date"),
        _("Participants"),
        _("Associations"),
        _("First-time associations"),
        _("Districts"),
    ]
    rows = [
        [
            row["event"].title,
            row["event"].starts_at.date().isoformat(),
            row["figures"]["participants"],
            row["figures"]["organisations"],
            len(row["figures"]["first_time"]),
            row["figures"]["districts"],
        ]
        for row in data["events"]
    ]
    rows.append([])
    rows.append([_("Total participants"), "", data["participants"]])
    rows.append([_("Associations reached"), "", data["organisations"]])
    rows.append([_("of them new"), "", data["organisations_new"]])
    rows.append([_("of them returning"), "", data["organisations_returning"]])
    rows.append(
        [_("Districts covered"), "", f"{len(data['districts'])} / {data['district_total']}"]
    )
    for district in data["districts"]:
        rows.append(["", "", str(district)])
    for section in data["sections"]:
        rows.append([])
        rows.append([f"{section['event'].title}: {section['title']}"])
        for item in section["items"]:
            rows.append(["", item["title"], item["text"], item["meta"]])
    for section in data["year_sections"]:
        rows.append([])
        rows.append([section["title"]])
        for item in section["items"]:
            rows.append(["", item["title"], item["text"], item["meta"]])
    for survey in data["surveys"]:
        if not survey["visible"]:
            continue
        rows.append([])
        rows.append(
            [f"{survey['survey'].event.title}: {survey['survey'].title}", "", survey["total"]]
        )
        for item in survey["questions"]:
            for label, count in item.get("rows", []):
                rows.append(["", item["question"].text, label, count])
    return xlsx_response(f"sachbericht-{year}.xlsx", header, rows, title=str(year))
