"""Pages of an association's admins: edit the profile, invite colleagues, accept an invitation."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vernetzt.core.permissions import permission_required

from .. import services
from ..forms import InvitationForm, OrganisationProfileForm
from ..models import Invitation, Organisation


def _organisation(slug):
    return get_object_or_404(Organisation, slug=slug)


admin_required = permission_required("directory.change_organisation", load=_organisation)


@admin_required
def organisation_edit(request, organisation, slug):
    """The association admin (or staff) edits the profile and who sees which group."""
    if request.method == "POST":
        form = OrganisationProfileForm(request.POST, request.FILES, instance=organisation)
        if form.is_valid():
            services.update_organisation_profile(form=form, actor=request.user)
            messages.success(request, _("The profile is saved."))
            return redirect("directory:edit", slug=organisation.slug)
    else:
        form = OrganisationProfileForm(instance=organisation)
    return render(
        request, "directory/organisation_edit.html", {"organisation": organisation, "form": form}
    )


@admin_required
def organisation_invite(request, organisation, slug):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite_colleague(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            language=get_language(),
        )
        messages.success(request, _("The invitation is on its way."))
        return redirect("directory:invite", slug=organisation.slug)
    return render(
        request,
        "directory/organisation_invite.html",
        {
            "organisation": organisation,
            "form": form,
            "members": organisation.memberships.select_related("user").order_by("user__email"),
            "invitations": organisation.invitations.filter(accepted_at=None).order_by(
                "-created_at"
            ),
        },
    )


def invitation_accept(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation"), token=token, accepted_at=None
    )
    if not request.user.is_authenticated:
        # The login and sign-up pages say what the account is for, all the way through.
        request.session["pending_invitation"] = {
            "organisation": invitation.organisation.name,
            "role": str(invitation.get_role_display()),
            "email": invitation.email,
        }
        return redirect_to_login(request.get_full_path())
    request.session.pop("pending_invitation", None)
    matches = request.user.email.lower() == invitation.email.lower()
    if request.method == "POST" and matches:
        services.accept_invitation(invitation=invitation, user=request.user)
        messages.success(
            request, _("Welcome! You now act for “%(name)s”.") % {"name": invitation.organisation}
        )
        return redirect(invitation.organisation)
    return render(
        request,
        "directory/invitation_accept.html",
        {"invitation": invitation, "matches": matches},
    )
