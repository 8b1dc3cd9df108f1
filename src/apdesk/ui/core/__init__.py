"""What every window and page is given: the context of one open store and the task runner."""
