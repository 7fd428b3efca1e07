"""A progress bar on stderr for a long read, shown only at a terminal and only once the read
has taken more than a second, so short runs never import rich (drawn by the table module)."""

import time
from types import TracebackType
from typing import IO, Any

from httpstat_cli.errors import visible

DELAY = 1.0


class LazyProgress:
    """Called with the bytes read since the last call; draws rich's bar once DELAY has passed."""

    def __init__(self, total: int, label: str, stream: IO[str]) -> None:
        self.total = total
        self.label = label
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, count: int) -> None:
        self.done += count
        if self.bar is None:
            if time.monotonic() - self.started < DELAY:
                return
            self._start()
        self.bar.update(self.task, completed=min(self.done, self.total))

    def _start(self) -> None:
        from httpstat_cli.render import table

        # a file name is neither markup nor escapes
        self.bar, self.task = table.progress_bar(visible(self.label), self.total, self.stream)

    def __enter__(self) -> "LazyProgress":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
