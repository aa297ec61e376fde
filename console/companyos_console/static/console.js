// Progressive enhancement only: every page is complete without this file.
// Charts: <div data-vega-spec="ID"> + <script type="application/json" id="ID"> holding a Vega-Lite spec,
// rendered by the pinned vega-embed with the CSP-safe expression interpreter (no eval).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll("[data-vega-spec]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-vega-spec"));
    if (!source) return;
    vegaEmbed(el, JSON.parse(source.textContent), { ast: true, actions: false, renderer: "svg", defaultStyle: false, tooltip: false })
      .then(function () { el.removeAttribute("hidden"); })
      .catch(function (error) { el.setAttribute("data-chart-error", String(error)); });
  });
});
