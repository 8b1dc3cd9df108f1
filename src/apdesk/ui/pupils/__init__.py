"""The Pupils page: the list, a pupil's record, the editor and the import wizard."""
