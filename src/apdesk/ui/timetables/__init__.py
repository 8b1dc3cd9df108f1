"""The Timetables page: hybrid IAP timetables, the grid editor, checks and suggestions."""
