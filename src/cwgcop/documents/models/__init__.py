from cwgcop.documents.models.document import Document, DocumentRevision
from cwgcop.documents.models.file import DocumentFile

__all__ = ["Document", "DocumentFile", "DocumentRevision"]
