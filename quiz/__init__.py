"""quiz: learn a text by heart from the terminal."""

__version__ = "0.1.0"
