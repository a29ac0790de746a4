// Counts down every [data-timer-ends] element (unix seconds, from the server), corrected by the
// offset between the server clock ([data-server-now]) and this device's clock. Works after htmx
// swaps the element: it looks the elements up again on every tick.
(function () {
  "use strict";
  var offset = null;
  function format(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(seconds);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return sign + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    var timers = document.querySelectorAll("[data-timer-ends]");
    timers.forEach(function (el) {
      var serverNow = parseInt(el.getAttribute("data-server-now"), 10);
      var live = document.documentElement.getAttribute("data-server-offset");
      if (live !== null) {
        // live.js keeps the offset current from each update's X-Server-Time (a cached
        // fragment's data-server-now can be older than the request).
        offset = parseFloat(live);
      } else if (el.getAttribute("data-offset-from") !== String(serverNow)) {
        offset = serverNow * 1000 - Date.now();
        el.setAttribute("data-offset-from", String(serverNow));
      }
      var ends = parseInt(el.getAttribute("data-timer-ends"), 10) * 1000;
      var left = Math.round((ends - (Date.now() + (offset || 0))) / 1000);
      el.textContent = format(left);
      el.classList.toggle("timer--over", left < 0);
      el.classList.toggle("timer--ending", left >= 0 && left <= 30);
    });
  }
  tick();
  setInterval(tick, 250);
  document.addEventListener("htmx:afterSwap", tick);
  document.addEventListener("live:updated", tick);
})();
