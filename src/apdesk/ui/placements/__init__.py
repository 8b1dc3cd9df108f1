"""The Placements page and the placement editor with its live warnings."""
