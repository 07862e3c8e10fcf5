// Course widgets: keys typed inside belong to the widget, not to the notebook.
// Marks the enclosing course widget with Lumino's data-lm-suppress-shortcuts, so JupyterLab's
// notebook shortcuts ("d d", Ctrl+A, the arrows, ...) do not fire while focus is inside it and
// the browser's own handling (the arrows change a choice) applies. JupyterLab's notebook also
// moves between cells on the arrow keys outside Lumino's shortcuts, so key events also stop at
// the widget's edge (Escape still reaches the notebook). No network, no globals.
function keepInside(event) {
  if (event.key !== "Escape") event.stopPropagation();
}

function mark(el) {
  const box = el.closest(".course-widget") || el.parentElement;
  if (!box) return false;
  if (!box.hasAttribute("data-lm-suppress-shortcuts")) {
    box.setAttribute("data-lm-suppress-shortcuts", "true");
    box.addEventListener("keydown", keepInside);
  }
  return true;
}

export default {
  render({ el }) {
    el.classList.add("course-guard");
    el.setAttribute("aria-hidden", "true");
    if (el.isConnected && mark(el)) return;
    let tries = 0;
    let frame = 0;
    const retry = () => {
      if ((el.isConnected && mark(el)) || ++tries > 600) return;
      frame = requestAnimationFrame(retry);
    };
    frame = requestAnimationFrame(retry);
    return () => cancelAnimationFrame(frame);
  },
};
