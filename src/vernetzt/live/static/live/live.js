// Live updates without disturbing the person using the page (docs/decisions/0171).
//
// Each [data-live-src] region asks its URL "anything newer than my version?" every
// data-live-every ms (If-None-Match with the ETag it has); 304 costs nothing. A new version is
// morphed into the page with Idiomorph: only what changed is touched, the focused element and
// every typed value, choice and open <details> stay as they are, forms are never reset.
// New things (elements with an id and data-announce) are announced once, politely, in the
// page's [data-live-announcer]. [data-live-pause] pauses and resumes the updates.
(function () {
  "use strict";
  var USER_CONTROLS = /^(INPUT|TEXTAREA|SELECT|OPTION)$/;
  var FIXED_TYPES = { hidden: 1, submit: 1, button: 1, reset: 1 };
  var paused = false;
  var regions = [];

  function isUserValue(attr, el) {
    if (!USER_CONTROLS.test(el.tagName)) return false;
    if (el.tagName === "INPUT" && FIXED_TYPES[el.type]) return false;
    return attr === "value" || attr === "checked" || attr === "selected";
  }

  function announceables(root) {
    var found = {};
    root.querySelectorAll("[id][data-announce]").forEach(function (el) {
      found[el.id] = el.getAttribute("data-announce");
    });
    return found;
  }

  function announce(region, before) {
    var announcer = document.querySelector("[data-live-announcer]");
    if (!announcer) return;
    var after = announceables(region.el);
    var fresh = [];
    Object.keys(after).forEach(function (id) {
      if (before[id] !== after[id]) fresh.push(id);
    });
    if (!fresh.length) return;
    var text;
    if (fresh.length === 1) {
      text = after[fresh[0]];
    } else {
      var list = region.el.querySelector("[data-announce-many]");
      text = (list ? list.getAttribute("data-announce-many") : "") + ": " + fresh.length;
    }
    var line = document.createElement("p");
    line.textContent = text;
    announcer.appendChild(line);
    while (announcer.childNodes.length > 3) announcer.removeChild(announcer.firstChild);
  }

  // A phone's update is the room's shared HTML (the same bytes for every phone) with slots
  // (data-live-slot) for the device's own parts, the slots' variants (<template
  // data-live-variant>) and what the server knows of the device (<template data-live-own>):
  // the slots are filled here, before morphing, so that an unchanged button stays the same
  // element. The questions this device supports and the polls it answered come with the page
  // and with the answers to its own actions; an update does not repeat them (decision 0187),
  // so what is missing from a block is kept.
  function idSet(list) {
    var found = {};
    list.forEach(function (pk) { if (pk !== "" && pk !== null && pk !== undefined) found[String(pk)] = 1; });
    return found;
  }

  function merge(region, known) {
    var own = region.own || { voted: {}, ballots: {}, own: {}, poll: "", me: "" };
    Object.keys(known).forEach(function (key) { own[key] = known[key]; });
    region.own = own;
  }

  function readOwn(template) {
    var known = {
      own: idSet((template.getAttribute("data-own") || "").split(" ")),
      poll: template.getAttribute("data-poll") || "",
      me: template.innerHTML,
    };
    ["voted", "ballots"].forEach(function (name) {
      var value = template.getAttribute("data-" + name);
      if (value !== null) known[name] = idSet(value.split(" "));
    });
    return known;
  }

  function ownFromJson(region, own) {
    var known = {};
    ["voted", "ballots", "own"].forEach(function (name) { if (own[name]) known[name] = idSet(own[name]); });
    if ("poll" in own) known.poll = String(own.poll || "");
    if ("me" in own) known.me = own.me || "";
    // What the action changed ({"add": {"voted": [7]}}): the rest is as the page knows it.
    var before = region.own || {};
    ["add", "remove"].forEach(function (how) {
      Object.keys(own[how] || {}).forEach(function (name) {
        var ids = Object.assign({}, known[name] || before[name] || {});
        own[how][name].forEach(function (pk) {
          if (how === "add") ids[String(pk)] = 1;
          else delete ids[String(pk)];
        });
        known[name] = ids;
      });
    });
    return known;
  }

  function absorb(region, root) {
    var variants = root.querySelectorAll("template[data-live-variant]");
    if (variants.length) region.variants = {};
    variants.forEach(function (t) {
      region.variants[t.getAttribute("data-live-variant")] = t.innerHTML;
      t.parentNode.removeChild(t);
    });
    root.querySelectorAll("template[data-live-own]").forEach(function (t) {
      merge(region, readOwn(t));
      t.parentNode.removeChild(t);
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function label(slot) {
    var item = slot.closest("li");
    var text = item ? item.querySelector(".live-question__text") : null;
    var lang = text ? text.getAttribute("lang") : null;
    text = text ? text.textContent : "";
    text = escapeHtml(text.length > 60 ? text.slice(0, 59) + "\u2026" : text);
    // in the question's own language and direction, as the server fills it (feeds._label)
    return '<span dir="auto"' + (lang ? ' lang="' + escapeHtml(lang) + '"' : "") + ">" + text + "</span>";
  }

  function slotHtml(region, slot) {
    var own = region.own, variants = region.variants || {};
    if (!own) return null;
    var kind = slot.getAttribute("data-live-slot");
    if (kind === "me") return own.me;
    if (kind === "poll") return (own.ballots[own.poll] ? variants["poll-done"] : variants.poll) || "";
    var pk = slot.getAttribute("data-q");
    var state = own.own[pk] ? "own" : own.voted[pk] ? "done" : slot.hasAttribute("data-can") ? "can" : "";
    if (!state || !variants[state]) return "";
    return variants[state].split("987654321").join(pk).split("@@label@@").join(label(slot));
  }

  function fillSlots(region, root, morphEach) {
    root.querySelectorAll("[data-live-slot]").forEach(function (slot) {
      var html = slotHtml(region, slot);
      if (html === null) return;
      if (!morphEach) { slot.innerHTML = html; return; }
      var probe = document.createElement("div");
      probe.innerHTML = html;
      if (probe.innerHTML === slot.innerHTML) return;
      if (window.Idiomorph) window.Idiomorph.morph(slot, html, morphOptions());
      else slot.innerHTML = html;
    });
  }

  function morphOptions() {
    return {
      morphStyle: "innerHTML",
      ignoreActiveValue: true,
      restoreFocus: true,
      callbacks: {
        beforeNodeMorphed: function (oldNode, newNode) {
          // A running countdown keeps its text until its end time changes (timer.js ticks).
          if (oldNode.nodeType === 1 && oldNode.hasAttribute("data-timer-ends") && newNode.getAttribute &&
              oldNode.getAttribute("data-timer-ends") === newNode.getAttribute("data-timer-ends")) return false;
          return true;
        },
        beforeAttributeUpdated: function (attr, el) {
          if (isUserValue(attr, el)) return false;
          if (attr === "open" && el.tagName === "DETAILS") return false;
          // A timer's last announced state stays when its end time changes (timer.js).
          if (attr === "data-timer-said") return false;
          return true;
        },
      },
    };
  }

  function apply(region, html) {
    var before = announceables(region.el);
    var openDetails = {};
    region.el.querySelectorAll("details[id][open]").forEach(function (d) { openDetails[d.id] = 1; });
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    absorb(region, fresh);
    fillSlots(region, fresh, false);
    if (window.Idiomorph) {
      window.Idiomorph.morph(region.el, Array.prototype.slice.call(fresh.childNodes), morphOptions());
    } else {
      region.el.innerHTML = fresh.innerHTML;
    }
    Object.keys(openDetails).forEach(function (id) {
      var d = document.getElementById(id);
      if (d) d.open = true;
    });
    announce(region, before);
    document.dispatchEvent(new CustomEvent("live:updated", { detail: { region: region.el } }));
  }

  // After one of the person's own actions: only the slots change (the shared part follows
  // with the next update, which is asked for at once).
  function applyOwn(region, own) {
    var before = announceables(region.el);
    merge(region, ownFromJson(region, own));
    fillSlots(region, region.el, true);
    announce(region, before);
    document.dispatchEvent(new CustomEvent("live:updated", { detail: { region: region.el } }));
  }

  function schedule(region, delay) {
    clearTimeout(region.timer);
    region.timer = setTimeout(function () { poll(region); }, delay);
  }

  function serverClock(response) {
    var now = response.headers.get("X-Server-Time");
    if (now) document.documentElement.setAttribute("data-server-offset", String(parseFloat(now) * 1000 - Date.now()));
  }

  function poll(region) {
    if (paused || document.hidden) return schedule(region, region.every);
    var controller = new AbortController();
    var timeout = setTimeout(function () { controller.abort(); }, region.every + 2000);
    var headers = { "X-Requested-With": "live" };
    if (region.etag) headers["If-None-Match"] = region.etag;
    fetch(region.src, { headers: headers, cache: "no-store", credentials: "same-origin", signal: controller.signal })
      .then(function (response) {
        clearTimeout(timeout);
        serverClock(response);
        if (response.status === 304) return null;
        if (response.status === 429) {
          region.backoff = Math.min((region.backoff || region.every) * 2, 60000);
          return null;
        }
        if (!response.ok) return null;
        region.backoff = 0;
        var etag = response.headers.get("ETag");
        return response.text().then(function (html) {
          if (paused) return;  // arrived after a pause: keep the page as it is
          apply(region, html);
          if (etag) region.etag = etag;
        });
      })
      .catch(function () { clearTimeout(timeout); })
      .then(function () { schedule(region, region.backoff || soon(region) || region.every); });
  }

  // After the person's own question: the room's version that has it (answer.version). Under
  // a stream of writes the shared part may be up to a second older than that; ask again
  // after a second until it has arrived, instead of after the usual few seconds.
  function soon(region) {
    var have = parseInt((region.etag || "").replace(/\D/g, ""), 10) || 0;
    if (region.wants && have < region.wants) return 1000;
    region.wants = 0;
    return 0;
  }

  function setPaused(value) {
    paused = value;
    document.querySelectorAll("[data-live-pause]").forEach(function (button) {
      button.setAttribute("aria-pressed", value ? "true" : "false");
    });
    document.querySelectorAll("[data-live-state]").forEach(function (state) {
      state.textContent = value ? (state.getAttribute("data-paused-text") || "") : "";
    });
    if (!value) regions.forEach(function (region) { schedule(region, 0); });
  }

  function init() {
    document.querySelectorAll("[data-live-src]").forEach(function (el) {
      var region = {
        el: el,
        src: el.getAttribute("data-live-src"),
        every: parseInt(el.getAttribute("data-live-every"), 10) || 3000,
        etag: el.getAttribute("data-live-etag") || "",
      };
      absorb(region, el);
      regions.push(region);
      schedule(region, region.every);
    });
    document.querySelectorAll("[data-live-pause]").forEach(function (button) {
      button.addEventListener("click", function () { setPaused(!paused); });
    });
    document.addEventListener("submit", onSubmit);
    // Enter in a field of the shared action form presses the field's own button.
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "Enter" || !target.getAttribute || !target.getAttribute("data-enter-clicks")) return;
      var button = document.getElementById(target.getAttribute("data-enter-clicks"));
      if (button) { event.preventDefault(); button.click(); }
    });
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) regions.forEach(function (region) { schedule(region, 0); });
    });
  }

  // Actions of the phone (support, withdraw, answer a poll, ask) without reloading the page:
  // the answer brings the message and the phone's new region; the focus stays in its place.
  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]") ||
      document.querySelector("#live-action input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showMessage(text, isError) {
    var box = document.querySelector("[data-live-message]");
    if (!box || !text) return;
    box.textContent = text;
    box.classList.toggle("live-message--error", !!isError);
    box.hidden = false;
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form.id === "live-action" || form.hasAttribute("data-live-submit"))) return;
    var region = regions.filter(function (r) { return r.el.hasAttribute("data-live-actions"); })[0];
    if (!region || !window.fetch || !window.FormData) return;
    event.preventDefault();
    var submitter = event.submitter || null;
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action");
    var sort = new URL(region.src, window.location.href).searchParams.get("sort");
    var item = submitter && submitter.closest ? submitter.closest("[id]") : null;
    var itemId = item ? item.id : "";
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    if (submitter) submitter.disabled = true;
    fetch(action + (sort ? "?sort=" + encodeURIComponent(sort) : ""), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "live", "X-CSRFToken": csrfToken(form) },
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.own) applyOwn(region, answer.own);
        if (answer.version) region.wants = answer.version;
        // A new question: fetch the list at once (it is in the shared part); a vote shows in
        // the own parts now and in the counts with the next update.
        if (answer.ok && form.hasAttribute("data-live-submit")) schedule(region, 0);
        showMessage(answer.message, !answer.ok);
        if (answer.ok && form.hasAttribute("data-live-submit")) form.reset();
        var again = itemId ? document.getElementById(itemId) : null;
        var next = again && region.el.contains(again) ? again.querySelector("button, input, a") : null;
        if (next && document.activeElement === document.body) next.focus();
        else if (document.activeElement === document.body) {
          var box = document.querySelector("[data-live-message]");
          if (box) box.focus();
        }
      })
      .catch(function () { var box = document.querySelector("[data-live-message]"); showMessage(box ? box.getAttribute("data-offline-text") : "", true); })
      .then(function () { if (submitter) submitter.disabled = false; });
  }

  window.vernetztLive = { pause: function () { setPaused(true); }, resume: function () { setPaused(false); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
