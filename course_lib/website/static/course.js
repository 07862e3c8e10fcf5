// Search result summaries are fetched from the pages themselves, which a browser refuses for
// file:// addresses; opened from disk, the search shows page titles only (and logs no errors).
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
