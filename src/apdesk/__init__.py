"""apdesk: the school's record of alternative provision, kept encrypted on the laptop."""

__version__ = "0.1.0"
