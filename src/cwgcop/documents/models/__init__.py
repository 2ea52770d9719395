from cwgcop.documents.models.document import PROVISIONAL_SYMBOL_PREFIX, Document, DocumentRevision, SymbolCounter
from cwgcop.documents.models.file import DocumentFile

__all__ = ["PROVISIONAL_SYMBOL_PREFIX", "Document", "DocumentFile", "DocumentRevision", "SymbolCounter"]
