// The projector: larger/smaller type (remembered on this screen), full screen, and fitting
// the questions into the screen (those that do not fit are left out, with a hint).
(function () {
  "use strict";
  var MIN = -4, MAX = 6, KEY = "vernetzt.projector.scale";
  var projector = document.getElementById("projector");
  if (!projector) return;

  function setScale(value) {
    value = Math.max(MIN, Math.min(MAX, value));
    projector.setAttribute("data-scale", String(value));
    try { window.localStorage.setItem(KEY, String(value)); } catch (e) { /* private mode */ }
    fit();
  }

  function fit() {
    var list = document.getElementById("projector-questions");
    var more = document.querySelector("[data-projector-more]");
    var live = document.getElementById("projector-live");
    if (!list || !live) return;
    var items = list.children;
    var i;
    for (i = 0; i < items.length; i++) items[i].hidden = false;
    var bottom = live.getBoundingClientRect().bottom;
    var hidden = 0;
    for (i = items.length - 1; i > 0; i--) {  // the first question always stays
      if (live.scrollHeight <= live.clientHeight + 1 && items[i].getBoundingClientRect().bottom <= bottom) break;
      items[i].hidden = true;
      hidden++;
    }
    if (more) more.hidden = hidden === 0;
  }

  document.querySelectorAll("[data-projector-scale]").forEach(function (button) {
    button.addEventListener("click", function () {
      setScale(parseInt(projector.getAttribute("data-scale"), 10) + parseInt(button.getAttribute("data-projector-scale"), 10));
    });
  });
  document.querySelectorAll("[data-projector-fullscreen]").forEach(function (button) {
    if (!document.fullscreenEnabled) { button.hidden = true; return; }
    button.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(function () {});
    });
  });
  var saved = 0;
  try { saved = parseInt(window.localStorage.getItem(KEY), 10) || 0; } catch (e) { saved = 0; }
  setScale(saved);
  window.addEventListener("resize", fit);
  document.addEventListener("fullscreenchange", fit);
  document.addEventListener("live:updated", fit);
})();
