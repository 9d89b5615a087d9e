"""`python -m kpitui` runs the same entry point as the `kpitui` console script."""

from kpitui.cli.main import main

raise SystemExit(main())
