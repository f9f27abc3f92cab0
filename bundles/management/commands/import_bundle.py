"""manage.py import_bundle FILE: create what a bundle has and this site lacks; print what was done."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bundles.importer import bundle_import
from bundles.validation import BundleError


class Command(BaseCommand):
    help = "Import a case bundle. Nothing existing is overwritten; new pages are created as drafts."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        try:
            report = bundle_import(data=file.read_bytes())
        except BundleError as error:
            raise CommandError(
                "Bundle refused; nothing was imported:\n" + "\n".join(error.problems)
            ) from error
        for line in report.lines():
            self.stdout.write(line)
