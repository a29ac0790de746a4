"""Common A4 label sheets for name badges, and where each label sits on the page (mm).

Measurements are the manufacturers' (Avery Zweckform); printers should print at 100 %.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Sheet:
    key: str
    label: str
    columns: int
    rows: int
    width: float  # of one label
    height: float
    top: float  # margin to the first label
    left: float
    gap_x: float = 0
    gap_y: float = 0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def positions(self) -> list[tuple[float, float]]:
        """(left, top) of each label on one page, row by row."""
        return [
            (
                round(self.left + column * (self.width + self.gap_x), 2),
                round(self.top + row * (self.height + self.gap_y), 2),
            )
            for row in range(self.rows)
            for column in range(self.columns)
        ]


SHEETS = {
    sheet.key: sheet
    for sheet in [
        Sheet(
            "2x4",
            _("8 per page, 99.1 × 67.7 mm (2 × 4, e.g. L7165)"),
            2,
            4,
            99.1,
            67.7,
            13.1,
            4.65,
            2.5,
        ),
        Sheet(
            "2x5",
            _("10 per page, 86 × 55 mm (2 × 5, badge size, e.g. L4785)"),
            2,
            5,
            86,
            55,
            11,
            15,
            8,
        ),
        Sheet(
            "2x3",
            _("6 per page, 99.1 × 93.1 mm (2 × 3, e.g. L7166)"),
            2,
            3,
            99.1,
            93.1,
            8.8,
            4.65,
            2.5,
        ),
        Sheet("a6", _("4 per page, A6 to cut (2 × 2)"), 2, 2, 105, 148.5, 0, 0),
    ]
}
DEFAULT_SHEET = "2x4"


def layout(items: list, sheet: Sheet) -> list[list[dict]]:
    """Pages of {"item", "left", "top"} for the labels of `sheet`."""
    positions = sheet.positions()
    pages = []
    for start in range(0, len(items), sheet.per_page):
        chunk = items[start : start + sheet.per_page]
        pages.append(
            [
                {"item": item, "left": left, "top": top}
                for item, (left, top) in zip(chunk, positions, strict=False)
            ]
        )
    return pages
