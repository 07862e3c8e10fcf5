"""course_lib: curated, sourced data and lesson tools for the US-Japan alliance course.

Students use the names below; everything else is internal. Widgets and plots import
matplotlib and ipywidgets only when first used, so ``import course_lib`` stays fast.
"""

from importlib import import_module

from .data import as_of, cite, describe, find, list_datasets, load, sources
from .errors import (
    AnswerError,
    ChecksumError,
    CourseError,
    DataFileMissingError,
    DescriptorError,
    SchemaError,
    UnknownDatasetError,
)

__version__ = "0.1.0"

_LAZY = {
    "essay_citation": "essay",
    "quote": "essay",
    "claim": "essay",
    "essay_map": "essay",
    "glossary": "essay",
    "lesson_map": "lessons",
    "check": "checks",
    "exercise": "checks",
    "prompt": "answers",
    "progress": "answers",
    "export_answers": "answers",
    "timeline_explorer": "widgets",
    "show_figure": "plots",
    "show": "display",
    "further_reading": "readings",
}

__all__ = [
    "as_of", "cite", "describe", "find", "list_datasets", "load", "sources",
    "AnswerError", "ChecksumError", "CourseError", "DataFileMissingError", "DescriptorError",
    "SchemaError", "UnknownDatasetError", *_LAZY,
]


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'course_lib' has no attribute '{name}'")
