"""The JSON API (django-ninja): one NinjaAPI, each domain app adds its router here."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="vernetzt API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    description="Public and staff API of vernetzt. Public fields only for anonymous callers.",
)

# Imported after `api` exists: the routers are plain modules of their apps.
from vernetzt.directory.api import router as directory_router  # noqa: E402
from vernetzt.network.api import router as network_router  # noqa: E402
from vernetzt.registration.api import router as events_router  # noqa: E402

api.add_router("", directory_router)
api.add_router("/events", events_router)
api.add_router("", network_router)
