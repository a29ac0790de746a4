"""The one permission decorator of the views: log in first, then a rule decides.

Anonymous visitors go to the login page (and come back); a signed-in person without the
permission gets 403, never a login loop. Permissions are django-rules, in each app's rules.py.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def permission_required(permission: str, *, load=None):
    """Decorate a view: login first, then `permission` must hold (403 otherwise).

    With `load`, the rule is asked about one object: `load(*args, **kwargs)` gets it from
    the URL's arguments (raising Http404 when there is none), and the view receives it as
    its argument after `request`, so that it does not load it again.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if load is None:
                if not request.user.has_perm(permission):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            obj = load(*args, **kwargs)
            if not request.user.has_perm(permission, obj):
                raise PermissionDenied
            return view(request, obj, *args, **kwargs)

        return wrapped

    return decorator
