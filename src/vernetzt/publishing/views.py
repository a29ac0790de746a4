from django.shortcuts import render


def news_list(request):
    """Placeholder until news posts exist (issue: after the meeting)."""
    return render(request, "publishing/news_list.html", {"posts": []})
