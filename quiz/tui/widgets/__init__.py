"""Widgets the screens are built from; each reports upward with its own Message classes."""
