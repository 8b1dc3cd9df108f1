"""The Plans and Reviews pages: targets, reviews, follow-ups and ending a placement."""
