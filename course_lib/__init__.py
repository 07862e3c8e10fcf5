"""course_lib: curated, sourced data and lesson tools for the US-Japan alliance course.

Students use the names below; everything else is internal. Every name is imported when first
used (pandas with the first dataset, matplotlib and ipywidgets with the first widget), so
``import course_lib`` stays fast and can run at every kernel start. In a kernel, importing it
also installs the hint for cells run out of order (``course_lib.hints``).
"""

from importlib import import_module

from . import hints as _hints
from .errors import (
    AnswerError,
    ChecksumError,
    CourseError,
    DataFileMissingError,
    DescriptorError,
    SchemaError,
    UnknownDatasetError,
)

__version__ = "0.2.0"

_LAZY = {
    "as_of": "data",
    "cite": "data",
    "describe": "data",
    "find": "data",
    "list_datasets": "data",
    "load": "data",
    "sources": "data",
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
    "history": "answers",
    "restore": "answers",
    "set_name": "answers",
    "timeline_explorer": "widgets",
    "tenure_explorer": "widgets",
    "statements_explorer": "widgets",
    "futenma_matrix": "widgets",
    "scorecard_explorer": "widgets",
    "memo_plan": "capstone",
    "start_memo_plan": "capstone",
    "claim_explorer": "widgets",
    "coalition_explorer": "widgets",
    "opinion_explorer": "widgets",
    "show_figure": "plots",
    "show": "display",
    "further_reading": "readings",
}

__all__ = [
    "AnswerError", "ChecksumError", "CourseError", "DataFileMissingError", "DescriptorError",
    "SchemaError", "UnknownDatasetError", *_LAZY,
]


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'course_lib' has no attribute '{name}'")


_hints.register()
