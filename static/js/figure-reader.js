/* Reading annotated figures: toggle the overlay (button or the A key), highlight a shape from its label,
   and an enlarged view that zooms and pans (wheel, buttons, keys, drag, pinch). Pages work without it. */
(function () {
  "use strict";

  function figures() { return document.querySelectorAll("[data-annotated-figure]"); }

  function setAnnotations(figure, visible) {
    figure.classList.toggle("annotations-hidden", !visible);
    var button = figure.querySelector("[data-action=toggle-annotations]");
    if (button) {
      button.setAttribute("aria-pressed", visible ? "true" : "false");
      button.firstChild.nodeValue = visible ? "Annotations on " : "Annotations off ";
    }
  }

  function toggleAll() {
    var list = figures();
    if (!list.length) return;
    var anyVisible = Array.prototype.some.call(list, function (f) { return !f.classList.contains("annotations-hidden"); });
    list.forEach(function (f) { setAnnotations(f, !anyVisible); });
  }

  function highlight(figure, shapeId, on) {
    figure.querySelectorAll(".figure-overlay .shape").forEach(function (shape) {
      var match = shape.getAttribute("data-shape-id") === shapeId;
      shape.classList.toggle("is-highlighted", on && match);
      shape.classList.toggle("is-dimmed", on && !match);
    });
    figure.querySelectorAll("[data-shape-ref]").forEach(function (label) {
      label.classList.toggle("is-highlighted", on && label.getAttribute("data-shape-ref") === shapeId);
    });
    if (on && figure.classList.contains("annotations-hidden")) setAnnotations(figure, true);
  }

  function init(root) {
    (root || document).querySelectorAll("[data-annotated-figure]").forEach(function (figure) {
      if (figure.dataset.readerReady) return;
      figure.dataset.readerReady = "1";
      var controls = figure.querySelector("[data-figure-controls]");
      if (controls) controls.hidden = false;
      figure.querySelectorAll("[data-shape-ref]").forEach(function (label) {
        var id = label.getAttribute("data-shape-ref");
        ["mouseenter", "focus"].forEach(function (ev) { label.addEventListener(ev, function () { highlight(figure, id, true); }); });
        ["mouseleave", "blur"].forEach(function (ev) { label.addEventListener(ev, function () { highlight(figure, id, false); }); });
      });
    });
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-action=toggle-annotations]");
    if (toggle) {
      var figure = toggle.closest("[data-annotated-figure]");
      setAnnotations(figure, figure.classList.contains("annotations-hidden"));
      return;
    }
    var enlarge = event.target.closest("[data-action=enlarge]");
    if (enlarge) openViewer(enlarge.closest("figure"));
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "a" && event.key !== "A") return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    event.preventDefault();
    toggleAll();
  });

  /* Enlarged view ------------------------------------------------------------------------------ */
  function openViewer(figure) {
    if (!figure) return;
    var frame = figure.querySelector(".figure-frame");
    var img = frame.querySelector("img");
    var dialog = document.createElement("dialog");
    dialog.className = "figure-dialog";
    dialog.setAttribute("aria-label", "Enlarged figure");
    var title = (figure.querySelector(".figure-title") || {}).textContent || "Figure";
    dialog.innerHTML =
      '<div class="figure-dialog__bar"><span class="title"></span>' +
      '<button type="button" data-zoom="in" aria-label="Zoom in">+</button>' +
      '<button type="button" data-zoom="out" aria-label="Zoom out">−</button>' +
      '<button type="button" data-zoom="reset">Fit</button>' +
      (figure.hasAttribute("data-annotated-figure") ? '<button type="button" data-viewer-toggle aria-pressed="true">Annotations (A)</button>' : "") +
      '<button type="button" data-close>Close</button></div>' +
      '<div class="figure-dialog__stage" tabindex="0" aria-label="Image: arrow keys pan, plus and minus zoom"><div class="figure-dialog__content"></div></div>';
    dialog.querySelector(".title").textContent = title.trim();
    var content = dialog.querySelector(".figure-dialog__content");
    var big = new Image();
    big.src = img.currentSrc || img.src;
    big.alt = img.alt;
    var naturalW = img.naturalWidth || 800, naturalH = img.naturalHeight || 800;
    big.width = naturalW; big.height = naturalH;
    content.appendChild(big);
    var overlay = frame.querySelector(".figure-overlay");
    if (overlay && !figure.classList.contains("annotations-hidden")) {
      var copy = overlay.cloneNode(true);
      copy.style.cssText = "position:absolute;inset:0;width:100%;height:100%;pointer-events:none";
      content.appendChild(copy);
    }
    content.style.width = naturalW + "px"; content.style.height = naturalH + "px";
    document.body.appendChild(dialog);
    var stage = dialog.querySelector(".figure-dialog__stage");
    var state = { scale: 1, x: 0, y: 0, fit: 1 };
    function apply() { content.style.transform = "translate(" + state.x + "px," + state.y + "px) scale(" + state.scale + ")"; }
    function fit() {
      var r = stage.getBoundingClientRect();
      state.fit = Math.min(r.width / naturalW, r.height / naturalH);
      state.scale = state.fit;
      state.x = -naturalW * state.scale / 2; state.y = -naturalH * state.scale / 2;
      apply();
    }
    function zoom(factor, cx, cy) {
      var r = stage.getBoundingClientRect();
      cx = cx === undefined ? 0 : cx - r.left - r.width / 2;
      cy = cy === undefined ? 0 : cy - r.top - r.height / 2;
      var next = Math.min(Math.max(state.scale * factor, state.fit * 0.5), state.fit * 12);
      var k = next / state.scale;
      state.x = cx - (cx - state.x) * k; state.y = cy - (cy - state.y) * k; state.scale = next;
      apply();
    }
    dialog.addEventListener("click", function (e) {
      var z = e.target.closest("[data-zoom]");
      if (z) { var how = z.getAttribute("data-zoom"); if (how === "reset") fit(); else zoom(how === "in" ? 1.4 : 1 / 1.4); }
      if (e.target.closest("[data-close]")) dialog.close();
      if (e.target.closest("[data-viewer-toggle]")) toggleViewerOverlay();
    });
    function toggleViewerOverlay() {
      var svg = content.querySelector("svg"), vt = dialog.querySelector("[data-viewer-toggle]");
      if (!svg || !vt) return;
      svg.style.visibility = svg.style.visibility === "hidden" ? "" : "hidden";
      vt.setAttribute("aria-pressed", svg.style.visibility === "hidden" ? "false" : "true");
    }
    stage.addEventListener("wheel", function (e) { e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY); }, { passive: false });
    dialog.addEventListener("keydown", function (e) {
      var step = 40;
      if (e.key === "+" || e.key === "=") zoom(1.25);
      else if (e.key === "-") zoom(1 / 1.25);
      else if (e.key === "ArrowLeft") state.x += step;
      else if (e.key === "ArrowRight") state.x -= step;
      else if (e.key === "ArrowUp") state.y += step;
      else if (e.key === "ArrowDown") state.y -= step;
      else if (e.key === "0") fit();
      // The viewer's button promises A: toggle this copy, not the page's figures behind the modal.
      else if ((e.key === "a" || e.key === "A") && !e.ctrlKey && !e.metaKey && !e.altKey) { toggleViewerOverlay(); e.stopPropagation(); }
      else return;
      e.preventDefault(); apply();
    });
    var pointers = new Map(), last = null, pinch = null;
    stage.addEventListener("pointerdown", function (e) { stage.setPointerCapture(e.pointerId); pointers.set(e.pointerId, e); last = e; });
    stage.addEventListener("pointermove", function (e) {
      if (!pointers.has(e.pointerId)) return;
      pointers.set(e.pointerId, e);
      if (pointers.size === 2) {
        var p = Array.from(pointers.values());
        var d = Math.hypot(p[0].clientX - p[1].clientX, p[0].clientY - p[1].clientY);
        if (pinch) zoom(d / pinch, (p[0].clientX + p[1].clientX) / 2, (p[0].clientY + p[1].clientY) / 2);
        pinch = d;
      } else if (last) {
        state.x += e.clientX - last.clientX; state.y += e.clientY - last.clientY; apply(); last = e;
      }
    });
    function up(e) { pointers.delete(e.pointerId); pinch = null; last = pointers.size === 1 ? Array.from(pointers.values())[0] : null; }
    stage.addEventListener("pointerup", up); stage.addEventListener("pointercancel", up);
    dialog.addEventListener("close", function () { dialog.remove(); var b = figure.querySelector("[data-action=enlarge]"); if (b) b.focus(); });
    dialog.showModal();
    fit();
    stage.focus();
  }

  // Back and Forward restore htmx's snapshot of the page, taken when the learner had already changed the form
  // for the next URL: set the pushed forms from the restored URL, or a ticked facet would not match the results.
  document.addEventListener("htmx:historyRestore", function () {
    var params = new URLSearchParams(location.search);
    document.querySelectorAll("form[hx-push-url] input[name]").forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") input.checked = params.getAll(input.name).indexOf(input.value) !== -1;
      else if (input.type === "text" || input.type === "search") input.value = params.get(input.name) || "";
    });
  });
  document.addEventListener("DOMContentLoaded", function () { init(); });
  document.addEventListener("htmx:afterSettle", function (e) { init(e.target); });
  window.SpineAtlasFigures = { init: init, toggleAll: toggleAll };
})();
