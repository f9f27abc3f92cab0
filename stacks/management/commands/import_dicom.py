"""manage.py import_dicom PATH: import a DICOM file, folder or zip as a de-identified image stack."""

from django.core.management.base import BaseCommand, CommandError

from imaging.dicom import PRESETS, DicomInputError
from stacks.services import dicom_import
from stacks.tasks import import_dicom_task


class ProgressBar:
    """A one-line text bar per stage, redrawn in place with a carriage return."""

    def __init__(self, stream, width: int = 30):
        self.stream, self.width, self.stage = stream, width, None

    def _write(self, text: str) -> None:
        self.stream.write(text, ending="")
        self.stream.flush()

    def __call__(self, done: int, total: int, stage: str) -> None:
        if stage != self.stage and self.stage is not None:
            self._write("\n")
        self.stage = stage
        filled = self.width * done // max(total, 1)
        self._write(f"\r{stage:<24} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")

    def close(self) -> None:
        if self.stage is not None:
            self._write("\n")


class Command(BaseCommand):
    help = "Import a .dcm file, a folder or a zip of one series as a de-identified image stack with a key figure."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--title", help="Shown to readers: no names, dates or record numbers.")
        parser.add_argument(
            "--preset", choices=list(PRESETS), help="Window (default: bone for CT, else auto)."
        )
        parser.add_argument("--key-slice", type=int, help="1-based slice for the key-image figure.")
        parser.add_argument(
            "--confirm-clean-pixels",
            action="store_true",
            help="You checked every slice: no text is burned into the pixels (needed for US and screenshots).",
        )
        parser.add_argument(
            "--background", action="store_true", help="Enqueue a Django task instead of importing here."
        )

    def handle(self, *args, path, title, preset, key_slice, confirm_clean_pixels, background, **options):
        title = title or "Imported DICOM series"
        key_index = key_slice - 1 if key_slice else None
        if background:
            result = import_dicom_task.enqueue(
                path=path,
                title=title,
                preset=preset,
                confirm_clean_pixels=confirm_clean_pixels,
                key_index=key_index,
            )
            self.stdout.write(f"Import queued as task {result.id} ({result.status}).")
            return
        bar = ProgressBar(self.stderr)
        try:
            result = dicom_import(
                path_or_file=path,
                title=title,
                preset=preset,
                key_index=key_index,
                confirm_clean_pixels=confirm_clean_pixels,
                progress=bar,
            )
        except DicomInputError as error:
            raise CommandError(str(error)) from None
        finally:
            bar.close()
        report = result.report
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported '{result.stack.title}' ({result.slice_count} slices) as a draft stack "
                f"'{result.stack.slug}' with key figure '{result.figure.slug}': submit both for peer review; "
                f"/stacks/{result.stack.slug}/ serves it once approved and shown by a live atlas entry."
            )
        )
        self.stdout.write(
            f"De-identified: {len(report['removed'])} removed, {len(report['blanked'])} blanked, "
            f"{len(report['uids_replaced'])} UID kinds replaced, {len(report['dates_shifted'])} dates shifted, "
            f"{report['private_tags_removed']} private tags removed."
        )
        for warning in result.warnings:
            self.stderr.write(warning)
