"""One module per figure; each returns its figures as a dict of the suite's JSON keys."""
