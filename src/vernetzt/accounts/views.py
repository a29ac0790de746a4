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


@login_required
def api_tokens(request):
    """Personal API tokens: create one (shown once) and revoke."""
    from .api_tokens import TokenError, create_api_token, revoke_api_token  # noqa: PLC0415

    new_key = None
    if request.method == "POST":
        if "revoke" in request.POST:
            try:
                token_id = int(request.POST["revoke"])
            except ValueError:
                token_id = 0
            if revoke_api_token(user=request.user, token_id=token_id):
                messages.success(request, _("The token has been revoked."))
            return redirect("accounts:api_tokens")
        try:
            _token, new_key = create_api_token(user=request.user, name=request.POST.get("name", ""))
        except TokenError:
            messages.error(request, _("You have too many tokens. Please revoke one first."))
    tokens = request.user.api_tokens.all()
    return render(request, "accounts/api_tokens.html", {"tokens": tokens, "new_key": new_key})
