"""The Providers page: the directory, the provider editor with QA and concerns."""
