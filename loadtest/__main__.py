"""`python -m loadtest`: the same as `python -m loadtest.run`."""

import sys

from loadtest.run import main

sys.exit(main())
