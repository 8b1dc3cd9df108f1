"""The school calendar: the year view of terms and closures, and its editors."""
