from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """{{ mapping|lookup:key }}: a dict value, or "" when missing."""
    if isinstance(mapping, dict):
        return mapping.get(key, mapping.get(str(key), ""))
    return ""
