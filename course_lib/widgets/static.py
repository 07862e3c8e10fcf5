"""Widgets on a static page: each widget's first view as a figure, for the course website.

A widget cell stores only widget state, which a static page cannot draw. So every widget
registers a renderer of its default state, built from the same pure functions the widget calls:
it returns the sentence and the figure (with alt text) that the widget shows when it first
appears. The website puts that in place of the widget, with one line saying how to explore it
in JupyterLab. Registration is one line above the renderer, in the widget's own module::

    @static.renders("timeline_explorer", "choose an era and one or more categories ...")
    def timeline_default() -> tuple[str, AltFigure]: ...

A test fails for any widget cell of any lesson whose widget has no renderer.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import CourseError
from ..plots import AltFigure

_RENDERERS: dict[str, tuple[Callable[[], tuple[str, AltFigure]], str]] = {}


def renders(widget_name: str, explore: str):
    """Register the decorated function as ``widget_name``'s static view; ``explore`` ends the
    line "Explore this in JupyterLab: ..." (what a student can change there)."""
    def register(function):
        _RENDERERS[widget_name] = (function, explore.strip())
        return function

    return register


@dataclass(frozen=True)
class StaticWidget:
    """A widget's first view: the sentence it shows, its figure, and how to explore it."""

    name: str
    text: str
    figure: AltFigure
    explore: str

    @property
    def alt(self) -> str:
        return self.figure.alt

    @property
    def explore_line(self) -> str:
        return f"Explore this in JupyterLab: {self.explore}"

    def to_html(self) -> str:
        sentence = f'<p class="course-summary">{html.escape(self.text)}</p>' if self.text else ""
        return (f'<div class="course-static-widget" data-widget="{html.escape(self.name)}">{sentence}'
                f"{self.figure.to_html()}"
                f'<p class="course-explore">{html.escape(self.explore_line)}</p></div>')

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return "\n".join(part for part in (self.text, f"Figure: {self.alt}", self.explore_line) if part)


def registered() -> tuple[str, ...]:
    """The names of every widget with a static renderer."""
    from .. import widgets  # noqa: F401  (importing the widget modules registers their renderers)

    return tuple(sorted(_RENDERERS))


def static_figure(widget_name: str) -> StaticWidget:
    """The static view of one widget's default state."""
    if widget_name not in registered():
        raise CourseError(
            f"The widget '{widget_name}' has no static renderer for the course website. Register one "
            f"in its module with @static.renders(\"{widget_name}\", \"...\") (see course_lib/widgets/static.py)."
        )
    function, explore = _RENDERERS[widget_name]
    text, figure = function()
    return StaticWidget(widget_name, text, figure, explore)
