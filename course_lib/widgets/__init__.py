"""Lesson widgets: thin ipywidgets shells, one module per lesson topic. Each control calls a pure
function from ``course_lib.analysis`` and shows its result as text and as a figure with alt text.
ipywidgets is imported inside each widget function, so importing this package stays light."""

from .opinion import opinion_explorer
from .timeline import timeline_explorer

__all__ = ["opinion_explorer", "timeline_explorer"]
