"""The headless subcommands of `apdesk`, one module per area; each has `register(subparsers)`."""
