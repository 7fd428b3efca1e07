"""Colours by meaning, defined once: one per class, one for unofficial codes."""

from httpstat_cli.registry import StatusCode

CLASS_STYLES = {
    "1xx": "bold cyan",
    "2xx": "bold green",
    "3xx": "bold blue",
    "4xx": "bold yellow",
    "5xx": "bold red",
}
UNOFFICIAL = "bold magenta"
MUTED = "dim"
HEADING = "bold"
MATCH = "underline"
LABEL = "bold"


def code_style(entry: StatusCode) -> str:
    return UNOFFICIAL if entry.vendor else CLASS_STYLES.get(entry.code_class, "")
