"""The PySide6 desktop application. Talks to services, never to SQL."""
