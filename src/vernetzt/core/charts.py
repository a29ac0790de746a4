"""Charts as SVG, drawn on the server: no JavaScript, no third-party library, strict CSP.

Colours come from the stylesheet through classes (`chart__bar`), so the chart follows the
design system and prints well.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def bar_chart(
    data: list[tuple[str, int]], *, label: str, width: int = 640, height: int = 220
) -> SafeString:
    """A bar chart of (label, value) pairs with an accessible title; labels thinned to fit."""
    top, bottom, left, right = 16, 40, 36, 8
    inner_w, inner_h = width - left - right, height - top - bottom
    maximum = max([value for _, value in data] + [1])
    count = max(len(data), 1)
    step = inner_w / count
    bar = max(step * 0.7, 1)
    every = max(1, round(count / 8))  # at most about eight labels under the axis
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
        f'<line class="chart__axis" x1="{left}" y1="{top + inner_h}" x2="{width - right}" '
        f'y2="{top + inner_h}" />',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{maximum}</text>',
        f'<text x="{left - 6}" y="{top + inner_h}" text-anchor="end">0</text>',
    ]
    for index, (name, value) in enumerate(data):
        h = inner_h * value / maximum
        x = left + index * step + (step - bar) / 2
        y = top + inner_h - h
        parts.append(
            f'<rect class="chart__bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
            f'height="{h:.1f}"><title>{escape(name)}: {value}</title></rect>'
        )
        if index % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 18}" '
                f'text-anchor="middle">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
