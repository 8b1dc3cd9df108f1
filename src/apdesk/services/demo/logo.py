"""The demo school's logo: a small shield drawn here, so the demo letterhead shows where a
school's own logo prints without shipping an image file."""

from __future__ import annotations

import io
from functools import cache

SIZE = 160  # pixels a side: sharp at the letterhead's 14 mm


@cache
def demo_logo() -> bytes:
    """A PNG: a blue shield with a white chevron and a gold band (the same bytes every time)."""
    from PIL import Image, ImageDraw  # reportlab's own image library

    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    s = SIZE
    shield = [(s * 0.12, s * 0.06), (s * 0.88, s * 0.06), (s * 0.88, s * 0.52)]
    shield += [(s * 0.5, s * 0.96), (s * 0.12, s * 0.52)]
    draw.polygon(shield, fill=(31, 95, 191, 255), outline=(20, 50, 110, 255), width=4)
    chevron = [(s * 0.22, s * 0.62), (s * 0.5, s * 0.34), (s * 0.78, s * 0.62)]
    draw.line(chevron, fill=(255, 255, 255, 255), width=int(s * 0.09), joint="curve")
    draw.rectangle((s * 0.12, s * 0.12, s * 0.88, s * 0.2), fill=(232, 180, 40, 255))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
