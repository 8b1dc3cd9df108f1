"""On a pupil's record: leaving the roll, suspensions and subject access."""
