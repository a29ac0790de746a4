from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .models import Organisation


def organisation_list(request):
    """The public directory: published associations, searchable by name, paginated."""
    query = request.GET.get("q", "").strip()[:200]
    organisations = Organisation.objects.filter(is_published=True)
    if query:
        organisations = organisations.filter(name__icontains=query)
    page = Paginator(organisations.order_by("name"), 25).get_page(request.GET.get("page"))
    return render(request, "directory/organisation_list.html", {"page": page, "query": query})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug, is_published=True)
    return render(request, "directory/organisation_detail.html", {"organisation": organisation})
