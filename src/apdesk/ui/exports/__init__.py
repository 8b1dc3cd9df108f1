"""File > Export: every export the commands make, from the window."""
