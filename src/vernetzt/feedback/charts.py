"""Server-rendered SVG bar charts, readable without colour: every bar carries its label,
its count and its share as text, and the SVG has a title and a description."""

from django.utils.html import escape

SCALE_LABELS_KEYS = ("1", "2", "3", "4", "5")


def bar_chart(rows: list[tuple[str, int]], *, title: str, total: int | None = None) -> str:
    """Horizontal bars: rows of (label, count). Returns an inline SVG string (escaped)."""
    total = total if total is not None else sum(count for _label, count in rows)
    peak = max([count for _label, count in rows] + [1])
    label_width, bar_width, row_height = 260, 300, 30
    height = row_height * len(rows) + 10
    width = label_width + bar_width + 120
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
        "<desc>"
        + escape(
            "; ".join(
                f"{label}: {count}" + (f" ({round(100 * count / total)} %)" if total else "")
                for label, count in rows
            )
        )
        + "</desc>",
    ]
    for index, (label, count) in enumerate(rows):
        y = 5 + index * row_height
        length = round(bar_width * count / peak) if peak else 0
        share = f" ({round(100 * count / total)} %)" if total else ""
        short = label if len(label) <= 38 else label[:36] + "…"
        parts.append(
            f'<text x="0" y="{y + 19}" font-size="14" fill="#1a1a1a">{escape(short)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{max(length, 1)}" height="20" '
            f'fill="#1d5c96" stroke="#1a1a1a" stroke-width="1"/>'
            f'<text x="{label_width + length + 6}" y="{y + 19}" font-size="14" '
            f'fill="#1a1a1a">{count}{share}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
