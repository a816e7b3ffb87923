"""Subcommands of the `quiz` command line, one module each (see `quiz.cli`)."""
