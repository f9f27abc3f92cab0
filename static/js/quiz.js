/* Point at the lesion: a click or tap on the image sets normalised coordinates (0..1) in hidden fields and
   shows a mark. The region list is the keyboard alternative; choosing one clears the mark and vice versa. */
(function () {
  "use strict";

  function setup(root) {
    (root || document).querySelectorAll("[data-pointing]").forEach(function (figure) {
      if (figure.dataset.pointingReady) return;
      figure.dataset.pointingReady = "1";
      var form = figure.closest("form");
      if (!form) return;
      var img = figure.querySelector("img");
      var marker = figure.querySelector(".point-marker");
      var x = form.querySelector("[data-point-x]"), y = form.querySelector("[data-point-y]");
      var status = form.querySelector("[data-point-status]");
      var region = form.querySelector("[data-region]");
      function show(nx, ny) {
        marker.hidden = false;
        marker.style.left = (nx * 100) + "%";
        marker.style.top = (ny * 100) + "%";
        status.textContent = "Mark placed " + Math.round(nx * 100) + "% across and " + Math.round(ny * 100) + "% down the image.";
      }
      img.style.cursor = "crosshair";
      img.addEventListener("click", function (event) {
        var rect = img.getBoundingClientRect();
        var nx = Math.min(Math.max((event.clientX - rect.left) / rect.width, 0), 1);
        var ny = Math.min(Math.max((event.clientY - rect.top) / rect.height, 0), 1);
        x.value = nx.toFixed(4); y.value = ny.toFixed(4);
        if (region) region.value = "";
        show(nx, ny);
      });
      if (region) region.addEventListener("change", function () {
        if (region.value) { x.value = ""; y.value = ""; marker.hidden = true; status.textContent = "Region chosen from the list."; }
      });
      if (x.value && y.value) show(parseFloat(x.value), parseFloat(y.value));
    });
    (root || document).querySelectorAll(".workup-row").forEach(function (row) {
      var box = row.querySelector("input[type=checkbox]"), select = row.querySelector("select");
      if (!box || !select || row.dataset.ready) return;
      row.dataset.ready = "1";
      select.addEventListener("change", function () { if (select.value) box.checked = true; });
    });
  }
  // A swapped-in step removes the button that had the focus, which drops it to <body>: keyboard users would
  // tab through the whole header again and screen readers would announce nothing. Focus the new step instead.
  function focusStep(root) {
    var stepEl = root && (root.id === "case-step" ? root : root.querySelector && root.querySelector("#case-step"));
    var active = document.activeElement;
    if (!stepEl || (active && active !== document.body && document.contains(active))) return;
    var target = stepEl.querySelector("[role=alert]") || stepEl.querySelector("h2");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }
  document.addEventListener("DOMContentLoaded", function () { setup(); });
  document.addEventListener("htmx:afterSettle", function (e) { setup(e.target); focusStep(e.target); });
})();
