"""Logging filters: an expected refusal (403, 404, 400) is one line, not a traceback."""

import logging


class NoTracebackBelow500(logging.Filter):
    """Django logs PermissionDenied with its traceback; a refusal is no error of ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
