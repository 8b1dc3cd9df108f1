"""The operations: every user action that writes, one module per area, called by the GUI
and the commands alike through `Store.run`."""
