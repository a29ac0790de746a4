"""Search the whole database (every table, every column, raw SQL) and a folder for a text."""

import json
from pathlib import Path

from django.db import connection


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def database_hits(needle: str) -> list[str]:
    """ "table.column: value" for every cell that contains `needle` (case-insensitive)."""
    needle = needle.lower()
    hits = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        assert tables, "no tables found"
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = _text(value)
                    # JSON columns escape non-ASCII; compare the decoded form too.
                    if (
                        needle in text.lower()
                        or needle in text.encode().decode("unicode_escape", "ignore").lower()
                    ):
                        hits.append(f"{table}.{column}: {text[:120]}")
    return hits


def session_hits(needle: str) -> list[str]:
    """Session data is signed and encoded: decode each session and search it."""
    from django.contrib.sessions.models import Session

    needle = needle.lower()
    return [
        s.session_key
        for s in Session.objects.all()
        if needle in json.dumps(s.get_decoded(), default=str).lower()
    ]


def folder_hits(folder: Path, needle: str) -> list[str]:
    """Files whose path or content contains `needle`."""
    needle_bytes = needle.lower().encode()
    hits = []
    for path in Path(folder).rglob("*"):
        if not path.is_file():
            continue
        if needle.lower() in str(path).lower() or needle_bytes in path.read_bytes().lower():
            hits.append(str(path))
    return hits
