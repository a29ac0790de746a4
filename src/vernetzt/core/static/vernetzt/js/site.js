// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // An error summary takes focus so that screen readers announce it (WCAG 3.3.1).
  const summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
});
