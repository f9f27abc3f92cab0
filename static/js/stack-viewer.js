// Slice viewer: wheel, arrow keys, slider and swipe step through a stack; neighbours load ahead.
(function () {
  "use strict";
  const PRELOAD = 3;
  const SWIPE_STEP_PX = 24;

  function setUp(viewer) {
    if (viewer.dataset.ready) return;
    viewer.dataset.ready = "1";
    const urls = JSON.parse(document.getElementById(viewer.dataset.urlsId).textContent);
    const count = urls.length;
    const frame = viewer.querySelector("[data-stack-frame]");
    const image = viewer.querySelector("[data-stack-image]");
    const label = viewer.querySelector("[data-stack-label]");
    const slider = viewer.querySelector("[data-stack-slider]");
    const go = viewer.querySelector("[data-stack-go]");
    const steps = viewer.querySelectorAll("[data-stack-step]");
    const title = image.alt.replace(/: slice \d+ of \d+$/, "");
    const cache = new Map();
    let current = Math.min(Math.max(parseInt(viewer.dataset.start, 10) || 1, 1), count) - 1;
    if (go) go.hidden = true;

    function load(index) {
      if (index < 0 || index >= count || cache.has(index)) return;
      const img = new Image();
      img.decoding = "async";
      img.src = urls[index];
      cache.set(index, img);
    }

    function preload() {
      for (let d = 1; d <= PRELOAD; d += 1) {
        load(current + d);
        load(current - d);
      }
    }

    function show(index) {
      index = Math.min(Math.max(index, 0), count - 1);
      if (index === current && image.getAttribute("src") === urls[index]) return;
      current = index;
      image.src = urls[index];
      image.alt = title + ": slice " + (index + 1) + " of " + count;
      label.textContent = "slice " + (index + 1) + " / " + count;
      slider.value = String(index + 1);
      steps.forEach(function (link) {
        const target = index + 1 + parseInt(link.dataset.stackStep, 10);
        const disabled = target < 1 || target > count;
        link.href = "?slice=" + Math.min(Math.max(target, 1), count);
        if (disabled) link.setAttribute("aria-disabled", "true");
        else link.removeAttribute("aria-disabled");
      });
      const url = new URL(window.location.href);
      url.searchParams.set("slice", String(index + 1));
      window.history.replaceState(null, "", url);
      preload();
    }

    steps.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(current + parseInt(link.dataset.stackStep, 10));
      });
    });
    slider.addEventListener("input", function () {
      show(parseInt(slider.value, 10) - 1);
    });

    let wheelRest = 0;
    frame.addEventListener(
      "wheel",
      function (event) {
        event.preventDefault();
        // Trackpads send many small deltas, mice a few large ones: step once per ~50 px of travel.
        wheelRest += event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        const stepsToTake = Math.trunc(wheelRest / 50) || (Math.abs(event.deltaY) >= 50 ? Math.sign(event.deltaY) : 0);
        if (stepsToTake) {
          wheelRest = 0;
          show(current + stepsToTake);
        }
      },
      { passive: false }
    );

    frame.addEventListener("keydown", function (event) {
      const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 5, PageUp: -5 };
      if (event.key in moves) show(current + moves[event.key]);
      else if (event.key === "Home") show(0);
      else if (event.key === "End") show(count - 1);
      else return;
      event.preventDefault();
    });

    let touchY = null;
    frame.addEventListener(
      "touchstart",
      function (event) {
        if (event.touches.length === 1) touchY = event.touches[0].clientY;
      },
      { passive: true }
    );
    frame.addEventListener(
      "touchmove",
      function (event) {
        if (touchY === null || event.touches.length !== 1) return;
        const delta = touchY - event.touches[0].clientY;
        if (Math.abs(delta) >= SWIPE_STEP_PX) {
          event.preventDefault();
          show(current + Math.trunc(delta / SWIPE_STEP_PX));
          touchY = event.touches[0].clientY;
        }
      },
      { passive: false }
    );
    frame.addEventListener("touchend", function () {
      touchY = null;
    });

    cache.set(current, image);
    preload();
  }

  function init(root) {
    (root || document).querySelectorAll("[data-stack-viewer]").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
