"""Shared widgets and helpers: forms, fields, tables, charts, banners, the PDF preview."""
