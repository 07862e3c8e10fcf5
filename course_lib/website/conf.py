"""Sphinx configuration of the course website (copied into the build's temporary source folder by
``course_lib.website.build``; run ``make site``, not sphinx-build, so that the pages exist).

The site works offline and from file://: nothing is loaded from another host (the Furo theme
ships its assets; MathJax, require.js and the ipywidgets embedder are off), and notebooks are not
executed: their stored, nbval-checked outputs are the pages.
"""

project = "US-Japan Alliance at 50"
author = "US-Japan Alliance Course maintainers"
copyright = "the course maintainers; lesson text and data CC BY 4.0, code MIT"
language = "en"

# githubpages writes .nojekyll, so GitHub Pages serves the _static/ and _images/ folders.
extensions = ["myst_nb", "sphinx.ext.githubpages"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# MyST-NB: the stored outputs are the build; never run a kernel, never load widget JavaScript.
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_merge_streams = True
nb_render_markdown_format = "myst"
myst_heading_anchors = 3
# MathJax (from a CDN) is added only to a page with equations; the lessons have none, and the
# builder refuses a page that loads anything from another host, so a first equation fails loudly.

html_theme = "furo"
html_title = "US-Japan Alliance at 50"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["course.js"]
html_extra_path = ["_extra"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
# Colours of code that pass WCAG AA on Furo's code background, light and dark.
pygments_style = "a11y-high-contrast-light"
pygments_dark_style = "a11y-high-contrast-dark"
# Previous / next links and both sidebars are ordinary links; Tab reaches them all, and Furo's
# first link is "Skip to content". (Its arrow-key navigation stays off: arrows scroll wide tables.)
html_theme_options = {"top_of_page_buttons": []}
