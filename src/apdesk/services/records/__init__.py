"""What a pupil's record holds beyond the register: suspensions, and the record panel's read."""
