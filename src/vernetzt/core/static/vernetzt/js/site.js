// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // An error summary takes focus so that screen readers announce it (WCAG 3.3.1); otherwise a
  // confirmation after a successful submit does.
  const summary = document.querySelector("[data-autofocus]");
  const messages = document.querySelector("[data-messages]");
  if (summary) summary.focus();
  else if (messages && messages.querySelector(".message--success")) messages.focus();

  // The phone menu: one button opens the navigation and the language choice.
  const button = document.querySelector(".menu-button");
  const menu = document.getElementById("site-menu");
  if (button && menu) {
    button.hidden = false;
    const close = () => {
      button.setAttribute("aria-expanded", "false");
      menu.classList.remove("is-open");
    };
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
      if (open) {
        const first = menu.querySelector("a, button");
        if (first) first.focus();
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        close();
        button.focus();
      }
    });
  }

  // Buttons that ask before they act: <button data-confirm="..."> (text in the page's language).
  document.querySelectorAll("[data-confirm]").forEach((element) => {
    const form = element.closest("form");
    if (!form) return;
    form.addEventListener("submit", (event) => {
      if (event.submitter === element && !window.confirm(element.dataset.confirm)) event.preventDefault();
    });
  });

  // A text field that should not submit its form on Enter (e.g. a search inside a bigger form).
  document.querySelectorAll("[data-no-enter-submit]").forEach((input) => {
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  });

  // Optional radio questions can be cleared again.
  document.querySelectorAll("[data-clear-radios]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const fieldset = button.closest("fieldset");
      if (fieldset) fieldset.querySelectorAll("input[type=radio]").forEach((radio) => { radio.checked = false; });
    });
  });

  // Client-side filter of a long table or list: <input data-table-filter="#container-id">
  // hides the rows (tr) and items (li) that do not contain the text.
  document.querySelectorAll("[data-table-filter]").forEach((input) => {
    const table = document.querySelector(input.dataset.tableFilter);
    if (!table) return;
    input.hidden = false;
    const label = document.querySelector(`label[for="${input.id}"]`);
    if (label) label.hidden = false;
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr, li").forEach((row) => {
        row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
      });
    });
  });
});
