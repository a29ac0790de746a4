"""Pages of the directory, one module per purpose; urls.py and other code import them from here."""

from .association_admin import invitation_accept, organisation_edit, organisation_invite
from .browse import organisation_detail, organisation_list, page_size_from
from .contact import organisation_contact
from .maps import (
    GEODATA_ATTRIBUTION,
    MAP_CACHE_SECONDS,
    MAP_COLUMNS,
    districts_geojson,
    map_data,
    organisation_map,
)
from .public_data import (
    DATA_LICENCE,
    OPEN_DATA_COLUMNS,
    open_data,
    open_data_csv,
    open_data_geojson,
)
from .staff import archive, export, import_organisations, manage, merge, verify

__all__ = [
    "DATA_LICENCE",
    "GEODATA_ATTRIBUTION",
    "MAP_CACHE_SECONDS",
    "MAP_COLUMNS",
    "OPEN_DATA_COLUMNS",
    "archive",
    "districts_geojson",
    "export",
    "import_organisations",
    "invitation_accept",
    "manage",
    "map_data",
    "merge",
    "open_data",
    "open_data_csv",
    "open_data_geojson",
    "organisation_contact",
    "organisation_detail",
    "organisation_edit",
    "organisation_invite",
    "organisation_list",
    "organisation_map",
    "page_size_from",
    "verify",
]
