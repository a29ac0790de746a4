"""Pages of registration: the public form, the personal page, check-in and staff pages.

Modules: `public` (form, personal page), `checkin` (the door), `staff` (lists, exports,
questions); `common` holds the shared look-ups.
"""

from .checkin import (
    checkin,
    checkin_counter,
    checkin_person,
    checkin_scan,
    checkin_search,
    checkin_undo,
)
from .common import staff_required
from .public import (
    cancel,
    certificate,
    ics,
    manage,
    organisation_search,
    received,
    register,
    resend_link,
    ticket_pdf,
)
from .staff import (
    badges_pdf,
    export_csv,
    export_xlsx,
    participants_pdf,
    question_edit,
    questions,
    staff_add,
    staff_cancel,
    staff_edit,
    staff_list,
    staff_move,
    staff_summary,
)

__all__ = [
    "badges_pdf",
    "cancel",
    "certificate",
    "checkin",
    "checkin_counter",
    "checkin_person",
    "checkin_scan",
    "checkin_search",
    "checkin_undo",
    "export_csv",
    "export_xlsx",
    "ics",
    "manage",
    "organisation_search",
    "participants_pdf",
    "question_edit",
    "questions",
    "received",
    "register",
    "resend_link",
    "staff_add",
    "staff_cancel",
    "staff_edit",
    "staff_list",
    "staff_move",
    "staff_required",
    "staff_summary",
    "ticket_pdf",
]
