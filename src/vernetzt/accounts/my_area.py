"""My area (Mein Bereich): a signed-in person's home page, assembled from the apps.

Apps further down the chain contribute through `AppConfig.my_area_sections(request)`, which
returns a list of dicts, each with a `template` (rendered with `section`) and an `order`.
"""

from django.apps import apps


def my_area_sections(request) -> list[dict]:
    sections = []
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, "my_area_sections", None)
        if contribute:
            sections.extend(contribute(request))
    return sorted(sections, key=lambda section: section.get("order", 50))
