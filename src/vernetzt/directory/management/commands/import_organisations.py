"""`manage.py import_organisations FILE [--dry-run]`: the staff import from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vernetzt.directory import importing


class Command(BaseCommand):
    help = "Import associations from a CSV or XLSX file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        try:
            rows = importing.read_rows(file.name, file.read_bytes())
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error}") from error
        except importing.ImportFileError as error:
            raise CommandError(str(error)) from error
        report = importing.plan_import(rows)
        for row in report.errors:
            self.stderr.write(f"row {row.number} ({row.name}): " + "; ".join(row.errors))
        summary = report.summary
        line = ", ".join(f"{key}: {value}" for key, value in summary.items())
        if report.errors:
            raise CommandError(f"nothing imported, the file has errors ({line})")
        if dry_run:
            self.stdout.write(f"dry run, nothing saved ({line})")
            return
        importing.apply_import(report)
        self.stdout.write(self.style.SUCCESS(f"imported ({line})"))
