"""The exceptions quiz turns into one clear line and a non-zero exit instead of a traceback."""

from __future__ import annotations


class QuizError(Exception):
    """A failure the user can act on; its message names the file and what is wrong."""

    exit_code = 1
