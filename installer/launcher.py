"""Entry point of the packaged application."""
import sys

from gui.launch import run

if __name__ == "__main__":
    sys.exit(run())
