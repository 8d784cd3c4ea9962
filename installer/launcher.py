"""Entry point of the packaged application."""
import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
