"""`python -m lofte_extract.collect`: the collect subcommand on its own."""

import sys

from .cli import main

sys.exit(main())
