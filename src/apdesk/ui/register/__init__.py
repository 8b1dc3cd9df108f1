"""The Attendance page: the register grid, returns, amendments, undo and its chart."""
