"""`python -m lofte_extract` runs the CLI."""

import sys

from .cli import main

sys.exit(main())
