"""The JSON API (django-ninja): one NinjaAPI, each domain app adds its router here.

Every refusal has one shape, `{"errors": {"<field or __all__>": ["message", ...]}}`
(`vernetzt.core.api_errors`): invalid input 400, a body that is not `application/json` 415,
a database that cannot be reached 503 with Retry-After.
"""

from ninja import NinjaAPI

from vernetzt.core import api_errors

api = NinjaAPI(
    title="vernetzt API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    description="Public and staff API of vernetzt. Public fields only for anonymous callers.",
    parser=api_errors.JsonOnlyParser(),
)

api_errors.install(api)

# Imported after `api` exists: the routers are plain modules of their apps.
from vernetzt.directory.api import router as directory_router  # noqa: E402
from vernetzt.network.api import router as network_router  # noqa: E402
from vernetzt.registration.api import router as events_router  # noqa: E402

api.add_router("", directory_router)
api.add_router("/events", events_router)
api.add_router("", network_router)
