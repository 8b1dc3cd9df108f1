"""A task runner that holds work until the test says: the record arrives when the test wants,
as it would while the worker is busy and the GUI thread goes on."""

from __future__ import annotations

from apdesk.ui.core.tasks import Pool, Task, TaskRunner


class HeldTasks(TaskRunner):
    """Keeps submitted work until `run_all`, as the worker does while the GUI thread is busy."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Task] = []

    def _start(self, task: Task, pool: Pool) -> None:
        self.held.append(task)

    def run_all(self) -> None:
        while self.held:
            self.held.pop(0).execute()
