"""What every course widget shares: visible labels that screen readers announce too."""

from __future__ import annotations


def labelled(widget, label: str):
    """Give a control a visible label that screen readers announce too."""
    widget.description = label
    widget.style = {"description_width": "initial"}
    return widget
