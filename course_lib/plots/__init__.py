"""Figures for the lessons: a colour-blind-safe palette and alt text on every figure.

Figures are built on matplotlib's object API (no pyplot), rendered to PNG and shown as an
``<img>`` with alt text and a visible caption, so screen-reader users get the same message.
One module per topic; the names below are the public ones.
"""

from .argument import argument_map
from .claims import evidence_chart
from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render, show_figure
from .guide import dataset_overview
from .leaders import tenures
from .refuelling import aid_vs_mission, fuel_timeline
from .signals import statement_strip
from .timeline import timeline

__all__ = ["MARKERS", "OKABE_ITO", "ON_WHITE", "AltFigure", "new_figure", "render", "show_figure",
           "aid_vs_mission", "argument_map", "dataset_overview", "evidence_chart", "fuel_timeline",
           "statement_strip", "tenures", "timeline"]
