"""The Sharing page, its dialogs, the conflict banner and the sharing thread."""
