// Keyboard shortcuts of the moderator page (outside text fields, without Ctrl/Alt/Meta):
// n = call the next speaker, a = approve, h = hide (the question that has the focus, else
// the oldest waiting one), j/k = focus the next/previous question.
(function () {
  "use strict";
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function currentQuestion() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".live-mod-question") : null;
  }
  function press(button) {
    if (button && !button.disabled) button.click();
  }
  function questions() {
    return Array.prototype.slice.call(document.querySelectorAll(".live-mod-question"));
  }
  function move(step) {
    var all = questions();
    if (!all.length) return;
    var index = all.indexOf(currentQuestion());
    var next = all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))];
    var target = next.querySelector("button") || next;
    target.focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (typing(event.target)) return;
    var key = event.key;
    var question = currentQuestion();
    if (key === "n") {
      press(document.querySelector("[data-shortcut=next]"));
    } else if (key === "a") {
      press((question || document).querySelector("[data-shortcut=approve]"));
    } else if (key === "h") {
      press((question || document.querySelector("#pending-questions .live-mod-question") || document).querySelector("[data-shortcut=hide]"));
    } else if (key === "j") {
      move(1);
    } else if (key === "k") {
      move(-1);
    } else {
      return;
    }
    event.preventDefault();
  });
})();
