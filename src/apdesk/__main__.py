"""`python -m apdesk` runs the same command as the `apdesk` script."""

from apdesk.cli import main

raise SystemExit(main())
