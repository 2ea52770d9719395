from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(
        label=_("Archive (ZIP)"),
        help_text=_("A ZIP file with manifest.json (or manifest CSV files) at its root and the files it names."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_archive(self) -> UploadedFile:
        archive: UploadedFile = self.cleaned_data["archive"]
        if not (archive.name or "").lower().endswith(".zip"):
            raise forms.ValidationError(_("Give a ZIP file (its name ends in .zip)."), code="not_zip")
        return archive
