"""apdesk's look: tokens, palette, one stylesheet, Lucide icons, and the manager applying them.

`docs/design.md` is the written guide; `tokens.py` holds every value; `apply.install_theme`
puts it on screen; `icons.icon` gives an icon by meaning; `props.restyle` changes a widget's
variant after it is shown.
"""
