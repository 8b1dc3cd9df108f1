"""First run: school details, how to reach the school (optional), a passphrase, and the
recovery key shown once.

The wizard creates the store itself (on the worker, after the passphrase page) so the recovery
key it shows is the real one; afterwards `store` is the unlocked store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget, QWizard

from apdesk.i18n import N_, _, format_date
from apdesk.services.operations.settings import save_school_details
from apdesk.services.school import SchoolDetails
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import describe_error
from apdesk.ui.core.tasks import TaskRunner
from apdesk.ui.shell.wizard_pages import ContactPage, PassphrasePage, RecoveryPage, SchoolPage
from apdesk.ui.widgets.guard import GuardedWizard, not_input

SCHOOL, CONTACT, PASSPHRASE, RECOVERY = 0, 1, 2, 3


def create_store(
    folder: Path, passphrase: str, details: SchoolDetails, kdf: KdfParams | None
) -> tuple[Store, str]:
    """Make the store and record the school in it; runs on the worker."""
    store, recovery = Store.create(folder, passphrase, kdf=kdf)
    try:
        store.run(save_school_details, details)
    except BaseException:
        store.lock()
        raise
    return store, recovery


def recovery_sheet(recovery_key: str, school: str, folder: Path) -> QTextDocument:
    """The page to print or save: the key large, with what it opens and when it was made."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont(doc.defaultFont().family(), 12))
    doc.setHtml(
        "<h1>{title}</h1><p>{school}<br>{store}<br>{made}</p>"
        "<p style='font-family: monospace; font-size: 18pt; white-space: nowrap'>{key}</p>"
        "<p>{advice}</p>".format(
            title=escape(_("apdesk recovery key")),
            school=escape(_("School: {name}").format(name=school)),
            store=escape(_("Store: {folder}").format(folder=folder)),
            made=escape(_("Made on {date}").format(date=format_date(date.today()))),
            key=escape(recovery_key),
            advice=escape(
                _(
                    "This key opens the store if the passphrase is forgotten. Keep this sheet "
                    "locked away, apart from the laptop."
                )
            ),
        )
    )
    return doc


class SetupWizard(GuardedWizard):
    """Leaving before the store exists asks first if anything was typed; once the store exists
    the only way out is Finish, after the person says they kept the recovery key. The buttons
    keep their places on every page, so nothing moves under the pointer."""

    leave_question = N_("Leave the set-up? What you typed will be lost.")

    def __init__(
        self,
        folder: Path,
        tasks: TaskRunner,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.tasks = tasks
        self.kdf = kdf
        self.store: Store | None = None
        self.recovery_key = ""
        self.setWindowTitle(_("Set up apdesk"))
        self.setAccessibleName(_("Set up apdesk"))
        self.setMinimumSize(680, 500)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # Cancel keeps its place on the last page (disabled), so no button slides under the
        # pointer when the recovery key is confirmed.
        self.setButtonLayout(
            [
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.school_page = SchoolPage()
        self.contact_page = ContactPage()
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage(self)
        self.setPage(SCHOOL, self.school_page)
        self.setPage(CONTACT, self.contact_page)
        self.setPage(PASSPHRASE, self.passphrase_page)
        self.setPage(RECOVERY, self.recovery_page)
        self.recovery_page.print_button.clicked.connect(self.print_recovery_key)
        self.recovery_page.pdf_button.clicked.connect(self.save_recovery_pdf)
        self.currentIdChanged.connect(self._page_changed)
        not_input(self.recovery_page.confirm)  # a promise, not something to lose
        self.watch_input()

    def create_store(
        self, passphrase: str, on_done: Callable[[object], None], on_error: Callable[[str], None]
    ) -> None:
        details = self.school_page.details().model_copy(update=self.contact_page.values())
        folder, kdf = self.folder, self.kdf

        def done(result: tuple[Store, str]) -> None:
            self.store, self.recovery_key = result
            self.mark_saved()  # the details and the passphrase are in the store now
            on_done(result)

        self.tasks.submit(
            lambda: create_store(folder, passphrase, details, kdf),
            done,
            lambda exc: on_error(describe_error(exc)),
        )

    def _page_changed(self, page_id: int) -> None:
        # Once the store exists, the only way out is to confirm the recovery key was kept.
        self.button(QWizard.WizardButton.CancelButton).setEnabled(page_id != RECOVERY)

    def may_close(self) -> bool:
        """Never while the store is being made or once it exists; else ask if anything was
        typed."""
        if self.store is not None or self.passphrase_page.creating:
            return False
        return super().may_close()

    def accept(self) -> None:
        self.recovery_key = ""  # shown once: do not keep it around
        super().accept()

    # -- keeping the recovery key ------------------------------------------------
    def _sheet(self) -> QTextDocument:
        return recovery_sheet(self.recovery_key, self.school_page.details().name, self.folder)

    def print_recovery_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the recovery key"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._sheet().print_(printer)

    def save_recovery_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the recovery key"), "apdesk-recovery-key.pdf", _("PDF files (*.pdf)")
        )
        if path:
            write_pdf(self._sheet(), Path(path))


def write_pdf(doc: QTextDocument, path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(path))
    doc.print_(printer)
