// Counts down every [data-timer-ends] element (unix seconds, from the server), corrected by the
// offset between the server clock and this device's clock. The clock ([data-timer-clock]) ticks
// silently (role=timer is not read out by itself); the state is shown in words
// ([data-timer-state]: "Time almost up" in the last minute, "Time is over" after the end) and
// announced politely once, at one minute left and at the end, in the page's
// [data-live-announcer] (decision 0176). Works after live.js morphs the page: the elements are
// looked up again on every tick, and a timer keeps its element while its end time is the same.
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
  function say(text) {
    var announcer = document.querySelector("[data-live-announcer]");
    if (!announcer || !text) return;
    var line = document.createElement("p");
    line.textContent = text;
    announcer.appendChild(line);
    while (announcer.childNodes.length > 3) announcer.removeChild(announcer.firstChild);
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
      var clock = el.querySelector("[data-timer-clock]") || el;
      clock.textContent = format(left);
      var state = left < 0 ? "over" : left <= 60 ? "ending" : "running";
      el.classList.toggle("timer--over", state === "over");
      el.classList.toggle("timer--ending", state === "ending");
      var words = el.querySelector("[data-timer-state]");
      if (words) words.textContent = state === "running" ? "" : (el.getAttribute("data-timer-" + state + "-text") || "");
      var said = el.getAttribute("data-timer-said");
      if (said !== null && said !== state && state !== "running") say(el.getAttribute("data-timer-say-" + state));
      // The first look only notes the state: a page opened late does not announce the past.
      el.setAttribute("data-timer-said", state);
    });
  }
  tick();
  setInterval(tick, 250);
  document.addEventListener("live:updated", tick);
})();
