"""The staff page of the operating organisation (name, address, contact, logo, signature)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import SiteSettingsForm
from .models import SiteSettings
from .permissions import permission_required


@permission_required("core.manage_site_settings")
def site_settings_edit(request):
    instance = SiteSettings.objects.filter(pk=1).first() or SiteSettings()
    form = SiteSettingsForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_site_settings(values=form.cleaned_data)
        messages.success(request, _("The settings are saved."))
        return redirect("core:site_settings")
    return render(
        request,
        "core/site_settings.html",
        {"form": form, "current": instance},
        status=400 if form.errors else 200,
    )
