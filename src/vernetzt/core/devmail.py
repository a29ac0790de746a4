"""Emails of `make run`: kept as files and listed on a local page, not dumped in the terminal.

Used only when DEBUG is on and no EMAIL_HOST is set (see settings). Each message is saved as
`<DATA_DIR>/emails/<stamp>.eml`; the terminal shows one line with the recipient, the subject
and the address of the page that shows the email (`/entwicklung/emails/`).
"""

import sys
from email import message_from_bytes, policy
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


def email_folder() -> Path:
    return Path(settings.DATA_DIR) / "emails"


class DevelopmentEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = email_folder()
        folder.mkdir(parents=True, exist_ok=True)
        for index, message in enumerate(email_messages):
            stem = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{index}"
            (folder / f"{stem}.eml").write_bytes(message.message().as_bytes())
            link = f"{settings.SITE_URL.rstrip('/')}/entwicklung/emails/{stem}/"
            print(f"email to {', '.join(message.to)}: {message.subject}  {link}", file=sys.stdout)
            sys.stdout.flush()
        return len(email_messages)


def saved_emails(limit: int = 200) -> list[dict]:
    """The newest saved emails first: stem, recipient, subject, date."""
    folder = email_folder()
    if not folder.is_dir():
        return []
    rows = []
    for path in sorted(folder.glob("*.eml"), reverse=True)[:limit]:
        parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
        rows.append(
            {
                "stem": path.stem,
                "to": parsed["To"],
                "subject": parsed["Subject"],
                "date": parsed["Date"],
            }
        )
    return rows


def saved_email(stem: str) -> dict | None:
    """One saved email: headers, its plain text, and the names of its attachments."""
    path = email_folder() / f"{stem}.eml"
    if not stem.replace("-", "").isdigit() or not path.is_file():
        return None
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    body = parsed.get_body(preferencelist=("plain", "html"))
    attachments = [
        part.get_filename() or part.get_content_type() for part in parsed.iter_attachments()
    ]
    return {
        "stem": stem,
        "to": parsed["To"],
        "from": parsed["From"],
        "subject": parsed["Subject"],
        "date": parsed["Date"],
        "text": body.get_content() if body is not None else "",
        "attachments": attachments,
    }
