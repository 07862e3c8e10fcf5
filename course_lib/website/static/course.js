// The course website's only script: small fixes on top of the Furo theme.

// Search result summaries are fetched from the pages themselves, which a browser refuses for
// file:// addresses; opened from disk, the search shows page titles only (and logs no errors).
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}

// Furo opens its drawers (site navigation, page contents) with icons that are labels of hidden
// check boxes, out of reach of the keyboard. Make each icon a button: Tab reaches it, Enter or
// Space opens or closes its drawer, and a screen reader hears what it does and whether it is open.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("label.nav-overlay-icon, label.toc-overlay-icon").forEach((label) => {
    const box = document.getElementById(label.htmlFor);
    if (!box) return;
    label.tabIndex = 0;
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", box.getAttribute("aria-label") || "Toggle sidebar");
    const sync = () => label.setAttribute("aria-expanded", String(box.checked));
    sync();
    box.addEventListener("change", sync);
    label.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });
});
