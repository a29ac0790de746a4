"""The JSON API (django-ninja). Each domain app adds its router in `vernetzt.api.routers`."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="vernetzt API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    description="Public and staff API of vernetzt. Public fields only for anonymous callers.",
)

from vernetzt.registration.api import router as events_router  # noqa: E402

api.add_router("/events", events_router)
