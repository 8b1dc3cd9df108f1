"""The performance suite: a synthetic store at LA scale and each figure beside its floor.

Run `python -m benchmarks --scale large --json`; every figure is a median of several runs, and
each has a floor measured on the same machine in the same run, so a noisy machine shows as
noise in both rather than flattering or damning the app.
"""

KEYS = (
    "cores",
    "scale",
    "startup_ms",
    "startup_floor_ms",
    "startup_ratio",
    "unlock_kdf_ms",
    "attendance_report_ms",
    "attendance_report_floor_ms",
    "attendance_report_ratio",
    "cipher_overhead",
    "filter_keystroke_ms",
    "import_100k_s",
    "referral_pdf_ms",
    "referral_pdf_floor_ms",
    "referral_pdf_ratio",
    "pack_roundtrip_ms",
    "rss_mb",
)
# The window's figures (`figures.gui`): one object of interactions, after the numbers above.
WINDOW = "gui"
