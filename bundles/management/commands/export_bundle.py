"""manage.py export_bundle [--page SLUG ...] [-o FILE]: atlas entries, quiz modules or cases to a bundle zip."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from atlas.models import AtlasEntryPage
from bundles.services import BundleError, bundle_export
from quizzes.models import QuizCasePage, QuizModulePage


class Command(BaseCommand):
    help = (
        "Export pages (default: all published atlas entries and quiz modules) with what they need to a zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", action="append", default=[], metavar="SLUG", help="Repeat for several.")
        parser.add_argument(
            "-o", "--output", default="bundle.zip", help="Where to write (default bundle.zip)."
        )

    def handle(self, *args, page, output, **options):
        pages = [self.find_page(slug) for slug in page] or None
        try:
            data = bundle_export(pages=pages)
        except BundleError as error:
            raise CommandError("\n".join(error.problems)) from error
        Path(output).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(data)} bytes)."))

    def find_page(self, slug: str):
        found = [
            p
            for model in (AtlasEntryPage, QuizModulePage, QuizCasePage)
            for p in model.objects.filter(slug=slug)
        ]
        if len(found) != 1:
            problem = "No" if not found else f"{len(found)}"
            raise CommandError(f"{problem} atlas entry, quiz module or quiz case has the slug {slug!r}.")
        return found[0]
