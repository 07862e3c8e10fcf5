"""What every course widget shares: one container, visible labels, and keys that stay inside.

Every lesson widget and every discussion prompt is built with :func:`course_widget`. It adds a
tiny front-end piece (an anywidget, served from this package: no network) that marks the
container with Lumino's ``data-lm-suppress-shortcuts``. While focus is inside, JupyterLab's
notebook shortcuts do not fire ("d d" would delete the cell, Ctrl+A select every cell, the arrows
move between cells), and the keys do what they do in the control: the arrows change a choice,
letters jump to a matching option. New widgets get this by using ``course_widget``; nothing else
is needed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

STATIC = Path(__file__).with_name("static")


def labelled(widget, label: str):
    """Give a control a visible label that screen readers announce too."""
    widget.description = label
    widget.style = {"description_width": "initial"}
    return widget


@lru_cache(maxsize=1)
def _guard_class():
    import anywidget
    import traitlets

    class ShortcutGuard(anywidget.AnyWidget):
        """Invisible: marks its course widget so notebook shortcuts stay out of it."""

        _esm = (STATIC / "guard.js").read_text(encoding="utf-8")
        kind = traitlets.Unicode("course-guard").tag(sync=True)

    return ShortcutGuard


def shortcut_guard():
    import ipywidgets as w

    return _guard_class()(layout=w.Layout(width="0px", height="0px", margin="0px", overflow="hidden"))


@lru_cache(maxsize=1)
def _keep_redraws_smooth() -> None:
    """Once per kernel: move what is already loaded (pandas, matplotlib, the data) out of the cyclic
    garbage collector's scans. Every redraw makes many short-lived matplotlib objects, and without
    this a full collection over the whole heap lands in one click in ten and doubles its wait."""
    import gc

    gc.freeze()


def course_widget(*children, css_class: str = "course-widget"):
    """The container of every course widget: a VBox whose keys stay inside (see module doc)."""
    import ipywidgets as w

    _keep_redraws_smooth()
    box = w.VBox([*children, shortcut_guard()]).add_class("course-widget")
    if css_class != "course-widget":
        box.add_class(css_class)
    return box
