/* Annotation editor for the Wagtail admin: draw a figure's shapes over its image and keep the JSON textarea
   (what the form submits, and what the server validates) in step. No build step, no dependencies.

   Coordinates match the reader's overlay: the SVG's viewBox is the original image's pixel size with
   preserveAspectRatio="none", and shapes are stored normalised 0..1 from the image's top-left. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var KIND_NAMES = { arrow: "Arrow", ellipse: "Ellipse", polygon: "Polygon", point: "Point" };
  var GEOMETRY_KEYS = { arrow: ["from", "to"], ellipse: ["center", "radius"], polygon: ["points"], point: ["at"] };
  var TOOLS = [
    { name: "select", label: "Select", key: "V" },
    { name: "arrow", label: "Arrow", key: "A" },
    { name: "ellipse", label: "Ellipse", key: "E" },
    { name: "polygon", label: "Polygon", key: "P" },
    { name: "point", label: "Point", key: "O" },
  ];
  var TOOL_KEYS = { v: "select", a: "arrow", e: "ellipse", p: "polygon", o: "point" };
  var HINTS = {
    select: "Click a shape to select it, drag it to move it, drag its handles to resize it. Drag the background to pan when zoomed.",
    arrow: "Drag from the tail of the arrow to its tip.",
    ellipse: "Drag a box around the finding.",
    polygon: "Click each corner; double-click, press Enter or click the first corner to close. Esc cancels.",
    point: "Click the spot.",
  };
  var ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,40}$/;
  var MAX_ID = 41;
  var MAX_POLYGON_POINTS = 64;
  var MAX_ZOOM = 8;
  var MIN_RADIUS = 0.001;
  var HISTORY_LIMIT = 200;
  var editorCount = 0;

  // Helpers ---------------------------------------------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) {
        node.setAttribute(key, attrs[key] === true ? "" : attrs[key]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function s(tag, attrs, parent) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (parent) parent.appendChild(node);
    return node;
  }

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  function round4(value) {
    return Math.round(value * 1e4) / 1e4;
  }

  function isNumber(value) {
    return typeof value === "number" && isFinite(value);
  }

  function isPair(value) {
    return Array.isArray(value) && value.length === 2 && isNumber(value[0]) && isNumber(value[1]);
  }

  function isDrawable(shape) {
    if (!shape || typeof shape !== "object" || !GEOMETRY_KEYS[shape.kind]) return false;
    if (shape.kind === "polygon") {
      return Array.isArray(shape.points) && shape.points.length >= 2 && shape.points.every(isPair);
    }
    return GEOMETRY_KEYS[shape.kind].every(function (key) {
      return isPair(shape[key]);
    });
  }

  function slugify(text) {
    return (text || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_ID)
      .replace(/-+$/g, "");
  }

  // The points a move must keep inside the image (an ellipse may overhang the edge; its centre may not).
  function controlPoints(shape) {
    if (shape.kind === "arrow") return [shape.from, shape.to];
    if (shape.kind === "ellipse") return [shape.center];
    if (shape.kind === "polygon") return shape.points;
    return [shape.at];
  }

  function polygonArea(points) {
    var total = 0;
    for (var i = 0; i < points.length; i++) {
      var a = points[i];
      var b = points[(i + 1) % points.length];
      total += a[0] * b[1] - b[0] * a[1];
    }
    return Math.abs(total / 2);
  }

  function roundDeep(value) {
    if (Array.isArray(value)) return value.map(roundDeep);
    return isNumber(value) ? round4(value) : value;
  }

  // One shape as the server expects it, keys in a stable order; anything the editor cannot draw is kept
  // untouched so that the server names the problem instead of the editor silently dropping it.
  function serialiseShape(shape) {
    var out = {};
    if (!isDrawable(shape)) {
      Object.keys(shape || {}).forEach(function (key) {
        if (key.charAt(0) !== "_") out[key] = shape[key];
      });
      return out;
    }
    out.id = shape.id;
    out.kind = shape.kind;
    out.label = shape.label;
    out.note = shape.note || "";
    GEOMETRY_KEYS[shape.kind].forEach(function (key) {
      out[key] = roundDeep(shape[key]);
    });
    Object.keys(shape).forEach(function (key) {
      if (key.charAt(0) !== "_" && !(key in out)) out[key] = shape[key];
    });
    return out;
  }

  function serialise(shapes) {
    if (!shapes.length) return "[]";
    return (
      "[\n" +
      shapes
        .map(function (shape) {
          return "  " + JSON.stringify(serialiseShape(shape));
        })
        .join(",\n") +
      "\n]"
    );
  }

  // The editor ------------------------------------------------------------------------------------

  function AnnotationEditor(root) {
    this.root = root;
    this.uid = ++editorCount;
    this.textarea = root.querySelector("textarea");
    this.jsonPanel = root.querySelector("[data-json-panel]");
    this.form = root.closest("form");
    this.imageInput = this.form
      ? this.form.querySelector('input[name="' + root.getAttribute("data-image-field") + '"]')
      : null;
    this.infoUrl = root.getAttribute("data-image-info-url");
    this.image = null;
    this.shapes = [];
    this.selected = null;
    this.tool = "select";
    this.draft = null;
    this.drag = null;
    this.zoom = 1;
    this.panX = 0;
    this.panY = 0;
    this.baseScale = 1;
    this.jsonBroken = false;
    this.history = [];
    this.historyPos = -1;

    this.build();
    this.loadFromTextarea(false);
    this.resetHistory();
    this.bind();
    this.setTool("select");
    this.render();
    this.loadImage();
  }

  AnnotationEditor.prototype.build = function () {
    var self = this;
    this.root.classList.add("is-enhanced");
    if (this.jsonPanel) this.jsonPanel.open = false;

    this.toolButtons = {};
    var tools = h("div", { class: "ae-group", role: "group", "aria-label": "Tools" });
    TOOLS.forEach(function (tool) {
      var button = h("button", {
        type: "button",
        class: "ae-button ae-tool",
        "data-tool": tool.name,
        "aria-pressed": "false",
        "aria-keyshortcuts": tool.key,
        title: tool.label + " (" + tool.key + ")",
      }, [tool.label + " ", h("kbd", { text: tool.key })]);
      self.toolButtons[tool.name] = button;
      tools.appendChild(button);
    });

    this.zoomLabel = h("span", { class: "ae-zoom-label", "aria-live": "polite", text: "100%" });
    var view = h("div", { class: "ae-group", role: "group", "aria-label": "View" }, [
      h("button", { type: "button", class: "ae-button", "data-action": "zoom-out", title: "Zoom out (-)", "aria-label": "Zoom out", text: "−" }),
      this.zoomLabel,
      h("button", { type: "button", class: "ae-button", "data-action": "zoom-in", title: "Zoom in (+)", "aria-label": "Zoom in", text: "+" }),
      h("button", { type: "button", class: "ae-button", "data-action": "fit", title: "Fit the image (0)", text: "Fit" }),
    ]);
    this.undoButton = h("button", { type: "button", class: "ae-button", "data-action": "undo", title: "Undo (Ctrl+Z)", text: "Undo" });
    this.redoButton = h("button", { type: "button", class: "ae-button", "data-action": "redo", title: "Redo (Ctrl+Shift+Z)", text: "Redo" });
    var edit = h("div", { class: "ae-group", role: "group", "aria-label": "History" }, [this.undoButton, this.redoButton]);
    this.toolbar = h("div", { class: "ae-toolbar", role: "toolbar", "aria-label": "Annotation tools" }, [tools, view, edit]);

    this.hint = h("p", { class: "ae-hint", id: "ae-hint-" + this.uid });
    this.status = h("p", { class: "ae-status", role: "status", "aria-live": "polite" });

    this.svg = s("svg", {
      class: "ae-svg",
      preserveAspectRatio: "none",
      "aria-hidden": "true",
      focusable: "false",
    });
    var defs = s("defs", {}, this.svg);
    ["", "-selected"].forEach(function (suffix) {
      var marker = s("marker", {
        id: "ae-arrowhead-" + self.uid + suffix,
        viewBox: "0 0 10 10",
        refX: "9",
        refY: "5",
        markerWidth: "5",
        markerHeight: "5",
        orient: "auto-start-reverse",
      }, defs);
      s("path", { d: "M0,0 L10,5 L0,10 z", class: "ae-arrowhead" + suffix }, marker);
    });
    this.shapeLayer = s("g", { class: "ae-shapes" }, this.svg);
    this.draftLayer = s("g", { class: "ae-draft" }, this.svg);
    this.handleLayer = s("g", { class: "ae-handles" }, this.svg);

    this.img = h("img", { class: "ae-image", alt: "", draggable: "false" });
    this.canvas = h("div", { class: "ae-canvas" }, [this.img]);
    this.canvas.appendChild(this.svg);
    this.placeholder = h("p", { class: "ae-placeholder", text: "Choose an image above to draw on it." });
    this.stage = h("div", {
      class: "ae-stage",
      tabindex: "0",
      role: "application",
      "aria-roledescription": "annotation canvas",
      "aria-label": "Figure image: draw shapes with the mouse. Shortcuts: V select, A arrow, E ellipse, P polygon, O point, Delete, Ctrl+Z undo, + and - zoom, 0 fit, arrow keys nudge.",
      "aria-describedby": this.hint.id,
    }, [this.canvas, this.placeholder]);

    this.list = h("ol", { class: "ae-list", "aria-label": "Shapes" });
    this.emptyList = h("p", { class: "ae-empty", text: "No shapes yet: pick a tool and draw on the image." });

    var fieldId = "ae-" + this.uid;
    this.labelInput = h("input", { type: "text", id: fieldId + "-label", maxlength: "80", autocomplete: "off", "data-field": "label" });
    this.idInput = h("input", { type: "text", id: fieldId + "-id", maxlength: String(MAX_ID), autocomplete: "off", spellcheck: "false", "data-field": "id", "aria-describedby": fieldId + "-id-help" });
    this.noteInput = h("textarea", { id: fieldId + "-note", rows: "2", maxlength: "300", "data-field": "note" });
    this.idHelp = h("p", { class: "ae-help", id: fieldId + "-id-help", text: "Made from the label; quiz cases refer to it, so keep it once a case uses it." });
    this.kindLabel = h("span", { class: "ae-kind" });
    this.deleteButton = h("button", { type: "button", class: "ae-button ae-button--danger", "data-action": "delete", title: "Delete the shape (Delete)", text: "Delete shape" });
    this.inspector = h("fieldset", { class: "ae-inspector", hidden: true }, [
      h("legend", {}, ["Selected: ", this.kindLabel]),
      h("label", { for: this.labelInput.id, text: "Label (required)" }),
      this.labelInput,
      h("label", { for: this.idInput.id, text: "Id" }),
      this.idInput,
      this.idHelp,
      h("label", { for: this.noteInput.id, text: "Note (optional)" }),
      this.noteInput,
      this.deleteButton,
    ]);

    var shortcuts = h("details", { class: "ae-shortcuts" }, [
      h("summary", { text: "Keyboard shortcuts" }),
      h("ul", {}, [
        "V select · A arrow · E ellipse · P polygon · O point",
        "Delete or Backspace: delete the selected shape (while drawing a polygon: its last corner)",
        "Ctrl/Cmd+Z undo · Ctrl/Cmd+Shift+Z or Ctrl+Y redo",
        "+ / - zoom · 0 fit · Ctrl/Cmd + mouse wheel zooms at the pointer",
        "Arrow keys nudge the selected shape (Shift: 10 times more) or pan the view",
        "Enter in a text box returns to the image · Esc cancels or deselects",
      ].map(function (text) {
        return h("li", { text: text });
      })),
    ]);

    this.side = h("div", { class: "ae-side" }, [
      h("h3", { class: "ae-heading", text: "Shapes" }),
      this.emptyList,
      this.list,
      this.inspector,
      shortcuts,
    ]);
    this.body = h("div", { class: "ae-body" }, [this.stage, this.side]);
    this.ui = h("div", { class: "ae-ui" }, [this.toolbar, h("div", { class: "ae-messages" }, [this.hint, this.status]), this.body]);
    this.root.insertBefore(this.ui, this.root.firstChild);
  };

  AnnotationEditor.prototype.bind = function () {
    var self = this;
    this.toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.tool) self.setTool(button.dataset.tool);
      var action = button.dataset.action;
      if (action === "zoom-in") self.zoomBy(1.5);
      if (action === "zoom-out") self.zoomBy(1 / 1.5);
      if (action === "fit") self.fit();
      if (action === "undo") self.undo();
      if (action === "redo") self.redo();
    });
    this.deleteButton.addEventListener("click", function () {
      self.deleteSelected();
      self.stage.focus();
    });
    this.list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-index]");
      if (button) self.select(Number(button.dataset.index));
    });

    [this.labelInput, this.idInput, this.noteInput].forEach(function (input) {
      input.addEventListener("input", function () {
        self.editField(input.dataset.field, input.value);
      });
      input.addEventListener("change", function () {
        self.record();
      });
    });

    this.textarea.addEventListener("input", function () {
      if (!self.writing) self.loadFromTextarea(true);
    });

    this.svg.addEventListener("pointerdown", this.onPointerDown.bind(this));
    this.svg.addEventListener("pointermove", this.onPointerMove.bind(this));
    this.svg.addEventListener("pointerup", this.onPointerUp.bind(this));
    this.svg.addEventListener("pointercancel", this.onPointerUp.bind(this));
    this.svg.addEventListener("dblclick", function (event) {
      if (self.tool === "polygon" && self.draft) {
        event.preventDefault();
        self.finishPolygon();
      }
    });
    this.stage.addEventListener(
      "wheel",
      function (event) {
        if (!self.image || !(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        var rect = self.stage.getBoundingClientRect();
        self.zoomTo(self.zoom * Math.pow(1.0015, -event.deltaY), event.clientX - rect.left, event.clientY - rect.top);
      },
      { passive: false }
    );
    this.root.addEventListener("keydown", this.onKeyDown.bind(this));

    if (this.imageInput) {
      this.imageInput.addEventListener("change", function () {
        self.loadImage();
      });
    }
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        self.layout();
      }).observe(this.body);
    }
    window.addEventListener("resize", function () {
      self.layout();
    });
  };

  // Data --------------------------------------------------------------------------------------------

  AnnotationEditor.prototype.loadFromTextarea = function (record) {
    var text = this.textarea.value.trim();
    var parsed;
    try {
      parsed = text === "" ? [] : JSON.parse(text);
    } catch (error) {
      this.setBroken("The JSON below is not valid, so the editor cannot draw it: fix it or undo your typing.");
      return;
    }
    if (!Array.isArray(parsed)) {
      this.setBroken("The JSON below must be a list of shapes [ … ]: fix it before drawing.");
      return;
    }
    this.jsonBroken = false;
    this.shapes = parsed.map(function (shape) {
      // Shapes that exist already keep their ids: quiz cases may refer to them.
      if (shape && typeof shape === "object" && !Array.isArray(shape)) shape._auto = false;
      return shape;
    });
    if (this.selected !== null && this.selected >= this.shapes.length) this.selected = null;
    this.draft = null;
    this.root.classList.remove("is-broken");
    var undrawable = this.shapes.filter(function (shape) {
      return !isDrawable(shape);
    }).length;
    this.say(undrawable ? undrawable + " shape(s) cannot be drawn: see the JSON below; saving will say why." : "");
    if (record) {
      this.record();
      this.render();
    }
  };

  AnnotationEditor.prototype.setBroken = function (message) {
    this.jsonBroken = true;
    this.draft = null;
    this.root.classList.add("is-broken");
    if (this.jsonPanel) this.jsonPanel.open = true;
    this.say(message);
    this.render();
  };

  AnnotationEditor.prototype.write = function () {
    this.writing = true;
    this.textarea.value = serialise(this.shapes);
    // Wagtail's unsaved-changes warning listens for these.
    this.textarea.dispatchEvent(new Event("input", { bubbles: true }));
    this.textarea.dispatchEvent(new Event("change", { bubbles: true }));
    this.writing = false;
  };

  AnnotationEditor.prototype.snapshot = function () {
    return JSON.stringify(this.shapes);
  };

  AnnotationEditor.prototype.resetHistory = function () {
    this.history = [{ shapes: this.snapshot(), selected: this.selected }];
    this.historyPos = 0;
    this.updateHistoryButtons();
  };

  // Called when a change is complete (a drag ends, a field is left): one undo step.
  AnnotationEditor.prototype.record = function () {
    var current = this.snapshot();
    if (this.history[this.historyPos] && this.history[this.historyPos].shapes === current) return;
    this.history = this.history.slice(0, this.historyPos + 1);
    this.history.push({ shapes: current, selected: this.selected });
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.historyPos = this.history.length - 1;
    this.updateHistoryButtons();
  };

  AnnotationEditor.prototype.restore = function (position) {
    var entry = this.history[position];
    this.historyPos = position;
    this.shapes = JSON.parse(entry.shapes);
    this.selected = entry.selected !== null && entry.selected < this.shapes.length ? entry.selected : null;
    this.draft = null;
    this.jsonBroken = false;
    this.root.classList.remove("is-broken");
    this.write();
    this.render();
    this.updateHistoryButtons();
  };

  AnnotationEditor.prototype.undo = function () {
    if (this.draft) {
      this.cancelDraft();
      return;
    }
    this.record();
    if (this.historyPos > 0) {
      this.restore(this.historyPos - 1);
      this.say("Undone.");
    }
  };

  AnnotationEditor.prototype.redo = function () {
    if (this.historyPos < this.history.length - 1) {
      this.restore(this.historyPos + 1);
      this.say("Redone.");
    }
  };

  AnnotationEditor.prototype.updateHistoryButtons = function () {
    this.undoButton.disabled = this.historyPos <= 0;
    this.redoButton.disabled = this.historyPos >= this.history.length - 1;
  };

  AnnotationEditor.prototype.uniqueId = function (base, except) {
    var taken = {};
    this.shapes.forEach(function (shape) {
      if (shape !== except && shape && typeof shape.id === "string") taken[shape.id] = true;
    });
    base = base || "shape";
    if (!taken[base]) return base;
    for (var n = 2; ; n++) {
      var suffix = "-" + n;
      var candidate = base.slice(0, MAX_ID - suffix.length).replace(/-+$/, "") + suffix;
      if (!taken[candidate]) return candidate;
    }
  };

  AnnotationEditor.prototype.addShape = function (shape) {
    shape.id = this.uniqueId(shape.kind);
    shape.label = "";
    shape.note = "";
    shape._auto = true;
    this.shapes.push(shape);
    this.selected = this.shapes.length - 1;
    this.record();
    this.write();
    this.render();
    this.say(KIND_NAMES[shape.kind] + " added: type its label, then press Enter to go back to the image.");
    this.labelInput.focus();
  };

  AnnotationEditor.prototype.editField = function (field, value) {
    var shape = this.shapes[this.selected];
    if (!shape) return;
    shape[field] = value;
    if (field === "label" && shape._auto) {
      shape.id = this.uniqueId(slugify(value) || shape.kind, shape);
      this.idInput.value = shape.id;
    }
    if (field === "id") shape._auto = false;
    this.write();
    this.render();
  };

  AnnotationEditor.prototype.deleteSelected = function () {
    if (this.selected === null) return;
    var shape = this.shapes[this.selected];
    this.shapes.splice(this.selected, 1);
    this.selected = null;
    this.record();
    this.write();
    this.render();
    this.say((KIND_NAMES[shape && shape.kind] || "Shape") + " deleted (Ctrl+Z to undo).");
  };

  AnnotationEditor.prototype.select = function (index) {
    this.selected = index;
    this.render();
    var shape = index === null ? null : this.shapes[index];
    if (shape) this.say("Selected " + (KIND_NAMES[shape.kind] || "shape").toLowerCase() + " " + (shape.label || shape.id || "") + ".");
  };

  // Moves every control point by (dx, dy), limited so that none leaves the image.
  AnnotationEditor.prototype.moveShape = function (shape, original, dx, dy) {
    var points = controlPoints(original);
    var minX = Math.min.apply(null, points.map(function (p) { return p[0]; }));
    var maxX = Math.max.apply(null, points.map(function (p) { return p[0]; }));
    var minY = Math.min.apply(null, points.map(function (p) { return p[1]; }));
    var maxY = Math.max.apply(null, points.map(function (p) { return p[1]; }));
    dx = clamp(dx, Math.min(0, -minX), Math.max(0, 1 - maxX));
    dy = clamp(dy, Math.min(0, -minY), Math.max(0, 1 - maxY));
    var shift = function (p) {
      return [p[0] + dx, p[1] + dy];
    };
    if (shape.kind === "arrow") {
      shape.from = shift(original.from);
      shape.to = shift(original.to);
    } else if (shape.kind === "ellipse") {
      shape.center = shift(original.center);
    } else if (shape.kind === "polygon") {
      shape.points = original.points.map(shift);
    } else {
      shape.at = shift(original.at);
    }
  };

  // View --------------------------------------------------------------------------------------------

  AnnotationEditor.prototype.loadImage = function () {
    var self = this;
    var id = this.imageInput ? this.imageInput.value : "";
    if (!id) {
      this.setImage(null);
      return;
    }
    fetch(this.infoUrl.replace("{id}", encodeURIComponent(id)), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (info) {
        self.setImage(info);
      })
      .catch(function (error) {
        self.setImage(null);
        self.say("The image could not be loaded (" + error.message + "): the shapes can still be edited as JSON.");
      });
  };

  AnnotationEditor.prototype.setImage = function (info) {
    var self = this;
    this.image = info;
    this.root.classList.toggle("has-image", !!info);
    this.root.classList.remove("is-ready");
    if (!info) {
      this.img.removeAttribute("src");
      this.render();
      return;
    }
    this.svg.setAttribute("viewBox", "0 0 " + info.width + " " + info.height);
    this.img.onload = function () {
      self.root.classList.add("is-ready");
    };
    this.img.src = info.url;
    this.zoom = 1;
    this.layout();
    this.render();
  };

  AnnotationEditor.prototype.layout = function () {
    if (!this.image) {
      this.stage.style.height = "";
      return;
    }
    var width = this.stage.clientWidth;
    if (!width) return;
    var maxHeight = Math.max(260, Math.min(window.innerHeight * 0.72, 900));
    this.baseScale = Math.min(width / this.image.width, maxHeight / this.image.height);
    this.stage.style.height = Math.round(this.image.height * this.baseScale) + "px";
    this.applyView();
  };

  AnnotationEditor.prototype.canvasSize = function () {
    return {
      width: this.image.width * this.baseScale * this.zoom,
      height: this.image.height * this.baseScale * this.zoom,
    };
  };

  AnnotationEditor.prototype.applyView = function () {
    if (!this.image) return;
    var size = this.canvasSize();
    var stageWidth = this.stage.clientWidth;
    var stageHeight = this.stage.clientHeight;
    this.panX = size.width <= stageWidth ? (stageWidth - size.width) / 2 : clamp(this.panX, stageWidth - size.width, 0);
    this.panY = size.height <= stageHeight ? (stageHeight - size.height) / 2 : clamp(this.panY, stageHeight - size.height, 0);
    this.canvas.style.width = size.width + "px";
    this.canvas.style.height = size.height + "px";
    this.canvas.style.transform = "translate(" + this.panX + "px, " + this.panY + "px)";
    this.zoomLabel.textContent = Math.round(this.zoom * 100) + "%";
    this.root.classList.toggle("is-zoomed", this.zoom > 1);
    // Hit areas and handles are sized in screen pixels, so they are redrawn at each zoom.
    this.renderShapes();
    this.renderDraft();
    this.renderHandles();
  };

  AnnotationEditor.prototype.zoomTo = function (zoom, stageX, stageY) {
    if (!this.image) return;
    zoom = clamp(zoom, 1, MAX_ZOOM);
    if (stageX === undefined) {
      stageX = this.stage.clientWidth / 2;
      stageY = this.stage.clientHeight / 2;
    }
    var before = this.canvasSize();
    var nx = (stageX - this.panX) / before.width;
    var ny = (stageY - this.panY) / before.height;
    this.zoom = zoom;
    var after = this.canvasSize();
    this.panX = stageX - nx * after.width;
    this.panY = stageY - ny * after.height;
    this.applyView();
  };

  AnnotationEditor.prototype.zoomBy = function (factor) {
    this.zoomTo(this.zoom * factor);
  };

  AnnotationEditor.prototype.fit = function () {
    this.zoom = 1;
    this.applyView();
  };

  // Screen pixels per viewBox unit (the same along both axes: the canvas keeps the image's aspect).
  AnnotationEditor.prototype.pixelsPerUnit = function () {
    return this.image ? this.canvasSize().width / this.image.width : 1;
  };

  AnnotationEditor.prototype.toNormal = function (event) {
    var rect = this.svg.getBoundingClientRect();
    return [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height];
  };

  AnnotationEditor.prototype.screenDistance = function (a, b) {
    var size = this.canvasSize();
    return Math.hypot((a[0] - b[0]) * size.width, (a[1] - b[1]) * size.height);
  };

  // Drawing -----------------------------------------------------------------------------------------

  AnnotationEditor.prototype.setTool = function (tool) {
    if (this.draft && tool !== this.tool) this.cancelDraft();
    this.tool = tool;
    var self = this;
    Object.keys(this.toolButtons).forEach(function (name) {
      self.toolButtons[name].setAttribute("aria-pressed", String(name === tool));
    });
    this.root.setAttribute("data-tool", tool);
    this.hint.textContent = HINTS[tool];
  };

  AnnotationEditor.prototype.cancelDraft = function () {
    this.draft = null;
    this.renderDraft();
    this.say("Drawing cancelled.");
  };

  AnnotationEditor.prototype.finishPolygon = function () {
    var draft = this.draft;
    if (!draft || draft.kind !== "polygon") return;
    var points = draft.points;
    if (points.length < 3 || polygonArea(points) < 1e-6) {
      this.say("A polygon needs at least 3 corners that are not in a line: keep clicking, or Esc to cancel.");
      return;
    }
    this.draft = null;
    this.renderDraft();
    this.addShape({ kind: "polygon", points: points });
  };

  AnnotationEditor.prototype.onPointerDown = function (event) {
    if (!this.image || this.jsonBroken) return;
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    this.stage.focus({ preventScroll: true });
    var raw = this.toNormal(event);
    var at = [clamp(raw[0], 0, 1), clamp(raw[1], 0, 1)];
    var capture = true;

    if (event.button === 1) {
      this.startPan(event);
    } else if (this.tool === "select") {
      var handle = event.target.closest("[data-handle]");
      var target = event.target.closest("[data-index]");
      if (handle && this.selected !== null) {
        this.drag = { type: "handle", handle: handle.getAttribute("data-handle") };
      } else if (target) {
        var index = Number(target.getAttribute("data-index"));
        this.select(index);
        this.drag = { type: "move", start: raw, original: JSON.parse(JSON.stringify(this.shapes[index])) };
      } else {
        if (this.selected !== null) this.select(null);
        this.startPan(event);
      }
    } else if (this.tool === "arrow") {
      this.draft = { kind: "arrow", from: at, to: at };
      this.drag = { type: "create" };
    } else if (this.tool === "ellipse") {
      this.draft = { kind: "ellipse", center: at, radius: [0, 0], _start: at };
      this.drag = { type: "create" };
    } else if (this.tool === "point") {
      capture = false;
      this.addShape({ kind: "point", at: at });
    } else if (this.tool === "polygon") {
      capture = false;
      if (!this.draft) {
        this.draft = { kind: "polygon", points: [at], _cursor: at };
        this.say("Polygon started: click the next corner.");
      } else {
        var points = this.draft.points;
        if (points.length >= 3 && this.screenDistance(at, points[0]) <= 8) {
          this.finishPolygon();
          return;
        }
        // The second click of a double-click lands on the corner just added.
        if (this.screenDistance(at, points[points.length - 1]) > 5 && points.length < MAX_POLYGON_POINTS) {
          points.push(at);
        }
      }
      this.renderDraft();
    }
    if (capture && this.drag) this.svg.setPointerCapture(event.pointerId);
  };

  AnnotationEditor.prototype.startPan = function (event) {
    this.drag = { type: "pan", x: event.clientX, y: event.clientY, panX: this.panX, panY: this.panY };
    this.root.classList.add("is-panning");
  };

  AnnotationEditor.prototype.onPointerMove = function (event) {
    if (!this.image) return;
    var raw = this.toNormal(event);
    var at = [clamp(raw[0], 0, 1), clamp(raw[1], 0, 1)];
    if (this.tool === "polygon" && this.draft) {
      this.draft._cursor = at;
      this.renderDraft();
      return;
    }
    var drag = this.drag;
    if (!drag) return;
    if (drag.type === "pan") {
      this.panX = drag.panX + event.clientX - drag.x;
      this.panY = drag.panY + event.clientY - drag.y;
      this.applyView();
    } else if (drag.type === "create" && this.draft) {
      if (this.draft.kind === "arrow") {
        this.draft.to = at;
      } else {
        var start = this.draft._start;
        this.draft.center = [(start[0] + at[0]) / 2, (start[1] + at[1]) / 2];
        this.draft.radius = [Math.abs(at[0] - start[0]) / 2, Math.abs(at[1] - start[1]) / 2];
      }
      this.renderDraft();
    } else if (drag.type === "move") {
      this.moveShape(this.shapes[this.selected], drag.original, raw[0] - drag.start[0], raw[1] - drag.start[1]);
      drag.moved = true;
      this.write();
      this.render();
    } else if (drag.type === "handle") {
      this.dragHandle(drag.handle, at);
      drag.moved = true;
      this.write();
      this.render();
    }
  };

  AnnotationEditor.prototype.dragHandle = function (handle, at) {
    var shape = this.shapes[this.selected];
    if (!shape) return;
    if (shape.kind === "arrow") {
      shape[handle] = at;
    } else if (shape.kind === "polygon") {
      shape.points[Number(handle.slice(1))] = at;
    } else if (shape.kind === "ellipse") {
      var radius = shape.radius.slice();
      if (handle === "rx") radius[0] = clamp(Math.abs(at[0] - shape.center[0]), MIN_RADIUS, 0.5);
      if (handle === "ry") radius[1] = clamp(Math.abs(at[1] - shape.center[1]), MIN_RADIUS, 0.5);
      shape.radius = radius;
    }
  };

  AnnotationEditor.prototype.onPointerUp = function (event) {
    var drag = this.drag;
    this.drag = null;
    this.root.classList.remove("is-panning");
    if (this.svg.hasPointerCapture && this.svg.hasPointerCapture(event.pointerId)) {
      this.svg.releasePointerCapture(event.pointerId);
    }
    if (!drag) return;
    if (drag.type === "create" && this.draft) {
      var draft = this.draft;
      this.draft = null;
      this.renderDraft();
      var size = this.canvasSize();
      if (draft.kind === "arrow") {
        if (this.screenDistance(draft.from, draft.to) < 4) {
          this.say("Drag from the tail to the tip to draw an arrow.");
          return;
        }
        this.addShape({ kind: "arrow", from: draft.from, to: draft.to });
      } else {
        if (draft.radius[0] * 2 * size.width < 3 || draft.radius[1] * 2 * size.height < 3) {
          this.say("Drag a box to draw an ellipse.");
          return;
        }
        this.addShape({ kind: "ellipse", center: draft.center, radius: draft.radius });
      }
    } else if (drag.moved) {
      this.record();
    }
  };

  AnnotationEditor.prototype.nudge = function (dx, dy) {
    var shape = this.shapes[this.selected];
    if (!shape || !isDrawable(shape) || !this.image) return;
    var size = this.canvasSize();
    this.moveShape(shape, JSON.parse(JSON.stringify(shape)), dx / size.width, dy / size.height);
    this.write();
    this.render();
    this.record();
  };

  AnnotationEditor.prototype.onKeyDown = function (event) {
    var target = event.target;
    var key = event.key;
    var mod = event.ctrlKey || event.metaKey;
    if (target === this.textarea) return;
    if (target.matches("input, textarea, select, [contenteditable]")) {
      if ((key === "Enter" && target.tagName === "INPUT") || key === "Escape") {
        event.preventDefault();
        if (target.tagName === "INPUT") this.record();
        this.stage.focus();
      }
      return;
    }
    var handled = true;
    if (mod && !event.altKey && (key === "z" || key === "Z")) {
      if (event.shiftKey) this.redo();
      else this.undo();
    } else if (mod && !event.altKey && (key === "y" || key === "Y")) {
      this.redo();
    } else if (mod || event.altKey) {
      handled = false;
    } else if (TOOL_KEYS[key.toLowerCase()] && !event.shiftKey) {
      this.setTool(TOOL_KEYS[key.toLowerCase()]);
    } else if (key === "+" || key === "=") {
      this.zoomBy(1.5);
    } else if (key === "-" || key === "_") {
      this.zoomBy(1 / 1.5);
    } else if (key === "0") {
      this.fit();
    } else if (key === "Delete" || key === "Backspace") {
      if (this.draft && this.draft.kind === "polygon") {
        this.draft.points.pop();
        if (!this.draft.points.length) this.draft = null;
        this.renderDraft();
      } else {
        this.deleteSelected();
        if (target.closest(".ae-list")) this.stage.focus();
      }
    } else if (key === "Escape") {
      if (this.draft) this.cancelDraft();
      else if (this.selected !== null) this.select(null);
      else handled = false;
    } else if (key === "Enter" && this.draft && this.draft.kind === "polygon") {
      this.finishPolygon();
    } else if (key.indexOf("Arrow") === 0 && (target === this.stage || target.closest(".ae-list"))) {
      var step = event.shiftKey ? 10 : 1;
      var dx = key === "ArrowLeft" ? -step : key === "ArrowRight" ? step : 0;
      var dy = key === "ArrowUp" ? -step : key === "ArrowDown" ? step : 0;
      if (this.selected !== null) {
        this.nudge(dx, dy);
      } else if (this.zoom > 1) {
        this.panX -= dx * 40;
        this.panY -= dy * 40;
        this.applyView();
      } else handled = false;
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // Rendering ---------------------------------------------------------------------------------------

  AnnotationEditor.prototype.say = function (message) {
    this.status.textContent = message;
  };

  AnnotationEditor.prototype.render = function () {
    this.root.classList.toggle("is-disabled", !this.image || this.jsonBroken);
    this.renderShapes();
    this.renderDraft();
    this.renderHandles();
    this.renderList();
    this.renderInspector();
  };

  AnnotationEditor.prototype.drawShape = function (parent, shape, attrs) {
    var W = this.image.width;
    var H = this.image.height;
    var g = s("g", attrs, parent);
    var nss = { "vector-effect": "non-scaling-stroke" };
    var withNss = function (extra) {
      return Object.assign({}, nss, extra);
    };
    if (shape.kind === "ellipse") {
      var e = { cx: shape.center[0] * W, cy: shape.center[1] * H, rx: shape.radius[0] * W, ry: shape.radius[1] * H };
      s("ellipse", withNss(Object.assign({ class: "ae-halo" }, e)), g);
      s("ellipse", withNss(Object.assign({ class: "ae-line ae-fill" }, e)), g);
    } else if (shape.kind === "polygon") {
      var points = shape.points.map(function (p) {
        return p[0] * W + "," + p[1] * H;
      }).join(" ");
      s("polygon", withNss({ class: "ae-halo", points: points }), g);
      s("polygon", withNss({ class: "ae-line ae-fill", points: points }), g);
    } else if (shape.kind === "arrow") {
      var l = { x1: shape.from[0] * W, y1: shape.from[1] * H, x2: shape.to[0] * W, y2: shape.to[1] * H };
      s("line", withNss(Object.assign({ class: "ae-hit" }, l)), g);
      s("line", withNss(Object.assign({ class: "ae-halo" }, l)), g);
      s("line", withNss(Object.assign({ class: "ae-line", "marker-end": "url(#ae-arrowhead-" + this.uid + (attrs.class.indexOf("is-selected") >= 0 ? "-selected" : "") + ")" }, l)), g);
    } else {
      var c = { cx: shape.at[0] * W, cy: shape.at[1] * H };
      s("circle", withNss(Object.assign({ class: "ae-hit", r: 12 / this.pixelsPerUnit() }, c)), g);
      s("circle", withNss(Object.assign({ class: "ae-line ae-point", r: Math.min(W, H) * 0.008 }, c)), g);
    }
    return g;
  };

  AnnotationEditor.prototype.renderShapes = function () {
    var self = this;
    this.shapeLayer.textContent = "";
    if (!this.image) return;
    this.shapes.forEach(function (shape, index) {
      if (!isDrawable(shape)) return;
      var g = self.drawShape(self.shapeLayer, shape, {
        class: "ae-shape shape--" + shape.kind + (index === self.selected ? " is-selected" : ""),
        "data-index": String(index),
        "data-shape-id": String(shape.id),
      });
      s("title", {}, g).textContent = shape.label || shape.id;
    });
  };

  AnnotationEditor.prototype.renderDraft = function () {
    this.draftLayer.textContent = "";
    var draft = this.draft;
    if (!draft || !this.image) return;
    if (draft.kind === "polygon") {
      var W = this.image.width;
      var H = this.image.height;
      var points = draft.points.concat(draft._cursor ? [draft._cursor] : []).map(function (p) {
        return p[0] * W + "," + p[1] * H;
      }).join(" ");
      s("polyline", { class: "ae-draft-line", points: points, "vector-effect": "non-scaling-stroke" }, this.draftLayer);
      var r = 4 / this.pixelsPerUnit();
      var self = this;
      draft.points.forEach(function (p, i) {
        s("circle", { class: "ae-vertex" + (i === 0 ? " is-first" : ""), cx: p[0] * W, cy: p[1] * H, r: i === 0 ? r * 1.6 : r, "vector-effect": "non-scaling-stroke" }, self.draftLayer);
      });
    } else {
      this.drawShape(this.draftLayer, draft, { class: "ae-shape is-draft shape--" + draft.kind });
    }
  };

  AnnotationEditor.prototype.renderHandles = function () {
    this.handleLayer.textContent = "";
    var shape = this.shapes[this.selected];
    if (!this.image || !shape || !isDrawable(shape) || this.tool !== "select") return;
    var W = this.image.width;
    var H = this.image.height;
    var half = 5 / this.pixelsPerUnit();
    var layer = this.handleLayer;
    var add = function (name, p, title) {
      var rect = s("rect", {
        class: "ae-handle",
        "data-handle": name,
        x: p[0] * W - half,
        y: p[1] * H - half,
        width: half * 2,
        height: half * 2,
        "vector-effect": "non-scaling-stroke",
      }, layer);
      s("title", {}, rect).textContent = title;
    };
    if (shape.kind === "arrow") {
      add("from", shape.from, "Tail");
      add("to", shape.to, "Tip");
    } else if (shape.kind === "polygon") {
      shape.points.forEach(function (p, i) {
        add("v" + i, p, "Corner " + (i + 1));
      });
    } else if (shape.kind === "ellipse") {
      add("rx", [shape.center[0] + shape.radius[0], shape.center[1]], "Width");
      add("rx", [shape.center[0] - shape.radius[0], shape.center[1]], "Width");
      add("ry", [shape.center[0], shape.center[1] + shape.radius[1]], "Height");
      add("ry", [shape.center[0], shape.center[1] - shape.radius[1]], "Height");
    }
  };

  AnnotationEditor.prototype.renderList = function () {
    var self = this;
    var focusedIndex = document.activeElement && document.activeElement.closest && this.list.contains(document.activeElement)
      ? document.activeElement.getAttribute("data-index")
      : null;
    this.list.textContent = "";
    this.emptyList.hidden = this.shapes.length > 0;
    this.shapes.forEach(function (shape, index) {
      var drawable = isDrawable(shape);
      var label = shape && typeof shape.label === "string" && shape.label.trim() ? shape.label : "";
      var problems = [];
      if (!label) problems.push("needs a label");
      if (shape && !ID_PATTERN.test(shape.id || "")) problems.push("id not valid");
      if (!drawable) problems.push("cannot be drawn");
      var button = h("button", {
        type: "button",
        class: "ae-item" + (index === self.selected ? " is-selected" : "") + (problems.length ? " has-problem" : ""),
        "data-index": String(index),
        "aria-pressed": String(index === self.selected),
      }, [
        h("span", { class: "ae-item-kind ae-swatch--" + ((shape && shape.kind) || "unknown"), text: KIND_NAMES[shape && shape.kind] || "Shape" }),
        " ",
        h("span", { class: "ae-item-label", text: label || "(no label)" }),
        h("span", { class: "ae-item-id", text: shape && shape.id ? shape.id : "" }),
      ].concat(problems.length ? [h("span", { class: "ae-item-problem", text: problems.join(", ") })] : []));
      self.list.appendChild(h("li", {}, [button]));
    });
    if (focusedIndex !== null) {
      var again = this.list.querySelector('[data-index="' + focusedIndex + '"]');
      if (again) again.focus();
    }
  };

  AnnotationEditor.prototype.renderInspector = function () {
    var shape = this.shapes[this.selected];
    this.inspector.hidden = !shape;
    if (!shape) return;
    this.kindLabel.textContent = KIND_NAMES[shape.kind] || "shape";
    var fields = { label: this.labelInput, id: this.idInput, note: this.noteInput };
    Object.keys(fields).forEach(function (name) {
      var input = fields[name];
      var value = typeof shape[name] === "string" ? shape[name] : "";
      if (input.value !== value) input.value = value;
    });
    var idOk = ID_PATTERN.test(shape.id || "");
    var duplicate = this.shapes.some(function (other) {
      return other !== shape && other && other.id === shape.id;
    });
    this.idInput.classList.toggle("is-invalid", !idOk || duplicate);
    this.idHelp.textContent = !idOk
      ? "Use lower-case letters, digits and hyphens (up to 41 characters)."
      : duplicate
        ? "Another shape already uses this id."
        : "Made from the label; quiz cases refer to it, so keep it once a case uses it.";
  };

  function init(scope) {
    (scope || document).querySelectorAll("[data-annotation-editor]").forEach(function (root) {
      if (!root.annotationEditor) root.annotationEditor = new AnnotationEditor(root);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init();
    });
  } else {
    init();
  }
  window.AtlasAnnotationEditor = { init: init };
})();
