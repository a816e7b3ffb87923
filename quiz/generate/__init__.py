"""Phrases in, cards out: cloze and matching cards with stable ids."""
