from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .my_area import my_area_sections


@login_required
def profile(request):
    """A person's own data: name and language. Memberships are listed by the directory."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, user.language, samesite=settings.LANGUAGE_COOKIE_SAMESITE
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def my_area(request):
    """My area (Mein Bereich): registrations, associations, forums, live rooms, surveys."""
    return render(request, "accounts/my_area.html", {"sections": my_area_sections(request)})
