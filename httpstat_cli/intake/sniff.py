"""What a bare ``hsc`` is given on stdin: a single code, a response head, or a log."""

import re

from httpstat_cli.intake import heads

_SINGLE_CODE = re.compile(rb"[ \t\r\n]*(\d{1,4})[ \t\r\n]*\Z")


def classify(start: bytes) -> str:
    """``code`` for a lone number (``curl -w '%{http_code}'``), ``head`` for what curl, wget or
    HTTPie print of a response, ``log`` for anything else. ``start`` is the input's beginning."""
    if _SINGLE_CODE.match(start):
        return "code"
    found = heads.read_heads(start.decode("utf-8", "backslashreplace"))
    # A log of bare status lines holds many heads without fields; one exchange holds one
    # head, or heads with their fields.
    if found and (len(found) == 1 or any(head.fields for head in found)):
        return "head"
    return "log"


def single_code(start: bytes) -> str:
    return start.decode("ascii").strip()
