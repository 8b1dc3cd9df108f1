"""Helpers the tests share: builders of test data, servers, and readers of what apdesk wrote."""
