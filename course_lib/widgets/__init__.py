"""Lesson widgets: thin ipywidgets shells, one module per lesson topic. Each control calls a pure
function from ``course_lib.analysis`` and shows its result as text and as a figure with alt text.
ipywidgets is imported inside each widget function, so importing this package stays light."""

from .claims import claim_explorer
from .futenma import futenma_matrix
from .government import coalition_explorer
from .opinion import opinion_explorer
from .scorecard import scorecard_explorer
from .signals import statements_explorer
from .tenure import tenure_explorer
from .timeline import timeline_explorer

__all__ = ["claim_explorer", "coalition_explorer", "futenma_matrix", "opinion_explorer", "scorecard_explorer",
           "statements_explorer", "tenure_explorer", "timeline_explorer"]
