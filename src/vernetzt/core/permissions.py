"""The one permission decorator of the views: log in first, then a rule decides.

Anonymous visitors go to the login page (and come back); a signed-in person without the
permission gets 403, never a login loop. Permissions are django-rules, in each app's rules.py.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def permission_required(permission: str, *, lookup=None):
    """`lookup(**url_kwargs) -> (obj, other_kwargs)`, if given, finds the object the rule is
    about (404 if missing); the view then gets the object instead of those URL arguments."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if lookup is None:
                if not request.user.has_perm(permission):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            obj, kwargs = lookup(**kwargs)
            if not request.user.has_perm(permission, obj):
                raise PermissionDenied
            return view(request, obj, *args, **kwargs)

        return wrapped

    return decorator
