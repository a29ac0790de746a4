from django.shortcuts import render


def event_list(request):
    """Placeholder until meetings exist (issue: meetings and registration)."""
    return render(request, "events/event_list.html", {"events": []})
