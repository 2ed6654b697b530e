"""`python -m counter_app`: start the counter application."""

import sys

from counter_app.app import main

sys.exit(main())
