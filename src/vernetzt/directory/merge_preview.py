"""What merging one association into another moves: counts per kind of linked record."""

from django.db.models import ForeignKey, ManyToManyRel, ManyToOneRel

from .models import Organisation


def merge_preview(duplicate: Organisation) -> list[tuple[str, int]]:
    """(plural name, count) of every record that points to `duplicate` (members,
    registrations, forum hosts...), found through the model's relations, so apps further down
    the chain are counted without being imported."""
    rows = []
    for relation in duplicate._meta.related_objects:
        if not isinstance(relation, ManyToOneRel | ManyToManyRel):
            continue
        if isinstance(relation.remote_field, ForeignKey) and relation.related_model is Organisation:
            continue  # "merged into": links between associations themselves
        accessor = relation.get_accessor_name()
        manager = getattr(duplicate, accessor, None)
        if manager is None:
            continue
        count = manager.count()
        if count:
            rows.append((str(relation.related_model._meta.verbose_name_plural), count))
    return sorted(rows)
