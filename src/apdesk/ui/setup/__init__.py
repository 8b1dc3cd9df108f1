"""School set-up: the details, the calendar, the school day and cycle, IAP groups and sessions."""
