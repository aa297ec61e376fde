// Progressive enhancement only: every page is complete without this file.
// Charts: <div data-vega-spec="ID"> + <script type="application/json" id="ID"> holding a Vega-Lite spec,
// rendered by the pinned vega-embed with the CSP-safe expression interpreter (no eval). Charts that
// arrive later (the inspect panel, a run's verification over SSE) are drawn when htmx settles them.
"use strict";
(function () {
  function draw(root) {
    if (typeof vegaEmbed !== "function") return;
    root.querySelectorAll("[data-vega-spec]:not([data-drawn])").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-vega-spec"));
      if (!source) return;
      el.setAttribute("data-drawn", "");
      vegaEmbed(el, JSON.parse(source.textContent), { ast: true, actions: false, renderer: "svg", defaultStyle: false, tooltip: false })
        .then(function () { el.removeAttribute("hidden"); })
        .catch(function (error) { el.setAttribute("data-chart-error", String(error)); });
    });
  }
  // The inspect side panel: focus moves into it when it opens, Escape or its Close button empties it and
  // gives focus back to the link that opened it.
  var opener = null;
  function closePanel() {
    var host = document.getElementById("inspect-panel");
    if (!host || !host.firstElementChild) return;
    host.replaceChildren();
    if (opener && document.body.contains(opener)) opener.focus();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-testid=inspect-link]");
    if (link && !link.closest("#inspect-panel")) opener = link;  // a link in the panel is replaced with it
    if (event.target.closest && event.target.closest("[data-close-panel]")) { event.preventDefault(); closePanel(); }
  });
  document.addEventListener("keydown", function (event) {
    // Only from inside the panel (or with nothing focused): Escape in the search box or a form keeps its meaning.
    var host = document.getElementById("inspect-panel");
    var inside = host && (host.contains(document.activeElement) || document.activeElement === document.body);
    if (event.key === "Escape" && inside && !event.defaultPrevented) closePanel();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "inspect-panel") {
      var title = event.target.querySelector("#inspect-title");
      if (title) title.focus();
    }
  });
  // A file over the console's upload limit is refused before it is sent (the server refuses it too, but
  // unread: a browser may then show a reset connection instead of the message).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    var max = Number(input.getAttribute("data-max-bytes"));
    var file = input.files && input.files[0];
    input.setCustomValidity(file && file.size > max ? "This file is larger than " + Math.round(max / 1048576) + " MiB: import it with `companyos import run`." : "");
    input.reportValidity();
  });
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function () { draw(document); });
  document.addEventListener("htmx:sseMessage", function () { draw(document); });
})();
