"""hsc: HTTP status codes explained in the terminal, in the reader's language."""

__version__ = "0.1.0"
