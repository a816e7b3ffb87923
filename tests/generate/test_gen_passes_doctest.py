"""The docstring examples of the generator's passes, scoring and selection are tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "quiz.generate.figures",
    "quiz.generate.terms",
    "quiz.generate.headed",
    "quiz.generate.names",
    "quiz.generate.coined",
    "quiz.generate.goals",
    "quiz.generate.people",
    "quiz.generate.series",
    "quiz.generate.parallel",
    "quiz.generate.parts",
    "quiz.generate.vocabulary",
    "quiz.generate.occurrences",
    "quiz.generate.rank",
    "quiz.generate.select",
    "quiz.text.english",
    "quiz.text.phrases",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0, f"{name} has no examples"
    assert failures == 0
