"use strict";
(function () {
  // Everything the map's author wrote reaches the page through textContent
  // and setAttribute only: never as markup.
  var island = JSON.parse(document.getElementById("map-data").textContent);
  var map = island.map;
  var settings = island.settings;
  var diagram = document.getElementById("diagram");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var count = document.getElementById("search-count");
  var svgNS = "http://www.w3.org/2000/svg";
  var svg, home, view, selected = null, folded = {};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function titleOf(g) {
    var t = g.querySelector("title");
    return t ? t.textContent : "";
  }
  function nodeGroups() {
    return svg ? svg.querySelectorAll("g.node") : [];
  }
  function groupOf(name) {
    var groups = nodeGroups();
    for (var i = 0; i < groups.length; i++) if (titleOf(groups[i]) === name) return groups[i];
    return null;
  }
  function describe(node) {
    return node.kind + " " + node.id + ": " + (node.text || node.label || node.title || "") + ", " + node.status;
  }

  // --- the view: pan and zoom by the SVG's viewBox -------------------------
  function setView(v) {
    view = v;
    svg.setAttribute("viewBox", v.x + " " + v.y + " " + v.w + " " + v.h);
  }
  function fit() { setView({ x: home.x, y: home.y, w: home.w, h: home.h }); }
  function zoom(factor, cx, cy) {
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    var w = Math.min(Math.max(view.w * factor, home.w / 40), home.w * 8);
    var h = view.h * (w / view.w);
    setView({ x: cx - (cx - view.x) * (w / view.w), y: cy - (cy - view.y) * (h / view.h), w: w, h: h });
  }
  function pan(dx, dy) { setView({ x: view.x + dx, y: view.y + dy, w: view.w, h: view.h }); }
  function toSvg(clientX, clientY) {
    var r = svg.getBoundingClientRect();
    var scale = Math.max(view.w / r.width, view.h / r.height);
    var ox = (r.width * scale - view.w) / 2, oy = (r.height * scale - view.h) / 2;
    return { x: view.x - ox + (clientX - r.left) * scale, y: view.y - oy + (clientY - r.top) * scale, scale: scale };
  }
  function centre(g) {
    var box = g.getBBox();
    var ctm = g.getCTM(), root = svg.getCTM();
    var dx = 0, dy = 0;
    if (ctm && root) { dx = (ctm.e - root.e) / root.a; dy = (ctm.f - root.f) / root.d; }
    var cx = box.x + box.width / 2 + dx, cy = box.y + box.height / 2 + dy;
    setView({ x: cx - view.w / 2, y: cy - view.h / 2, w: view.w, h: view.h });
  }

  diagram.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toSvg(e.clientX, e.clientY);
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null;
  diagram.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, moved: false };
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    diagram.classList.add("dragging");
    var scale = toSvg(0, 0).scale;
    pan(-dx * scale, -dy * scale);
    drag.x = e.clientX; drag.y = e.clientY;
  });
  window.addEventListener("pointerup", function () {
    diagram.classList.remove("dragging");
    setTimeout(function () { drag = null; }, 0);
  });
  diagram.addEventListener("keydown", function (e) {
    var step = view.w / 10;
    var keys = {
      ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
      ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); },
      "+": function () { zoom(1 / 1.25); }, "=": function () { zoom(1 / 1.25); },
      "-": function () { zoom(1.25); }, "0": fit
    };
    if (keys[e.key] && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); keys[e.key](); }
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("fit").addEventListener("click", fit);

  // --- the diagram's nodes: classes, focus, labels, badges -----------------
  function decorate() {
    var groups = nodeGroups();
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i], node = map.nodes[titleOf(g)];
      if (!node) continue;
      g.classList.add("status-" + node.status.toLowerCase());
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", describe(node));
      var gaps = node.findings.length;
      if (gaps > 0) badge(g, gaps);
    }
    folds();
  }
  function badge(g, n) {
    var box = g.getBBox();
    var b = document.createElementNS(svgNS, "g");
    b.setAttribute("class", "gap-badge");
    b.setAttribute("aria-hidden", "true");
    var c = document.createElementNS(svgNS, "circle");
    c.setAttribute("cx", box.x + box.width - 2); c.setAttribute("cy", box.y + 2); c.setAttribute("r", 8);
    var t = document.createElementNS(svgNS, "text");
    t.setAttribute("x", box.x + box.width - 2); t.setAttribute("y", box.y + 6);
    t.setAttribute("text-anchor", "middle");
    t.textContent = String(n);
    b.appendChild(c); b.appendChild(t); g.appendChild(b);
  }
  diagram.addEventListener("click", function (e) {
    if (drag && drag.moved) return;
    var g = e.target.closest ? e.target.closest("g.node") : null;
    if (g && map.nodes[titleOf(g)]) select(titleOf(g), false);
  });
  diagram.addEventListener("keydown", function (e) {
    var g = e.target.closest ? e.target.closest("g.node") : null;
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(titleOf(g), false); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { closePanel(); }
    if (e.key === "/" && document.activeElement !== search) { e.preventDefault(); search.focus(); }
  });

  // --- the details panel ---------------------------------------------------
  function link(name) {
    var target = map.nodes[name];
    var b = el("button", target ? target.id : name, "linklike");
    b.type = "button";
    if (target) b.setAttribute("aria-label", "Go to " + describe(target));
    b.addEventListener("click", function () { select(name, true); });
    return b;
  }
  function list(heading, items, render) {
    if (!items || items.length === 0) return;
    panel.appendChild(el("h3", heading));
    var ul = el("ul");
    items.forEach(function (item) { var li = el("li"); render(li, item); ul.appendChild(li); });
    panel.appendChild(ul);
  }
  function source(li, s) {
    li.appendChild(el("span", s.citation + " "));
    var url = s.link;
    if (url && /^(https?|mailto):/i.test(url)) {
      var a = el("a", url);
      a.setAttribute("href", url);
      a.setAttribute("rel", "noopener noreferrer");
      li.appendChild(a);
    } else if (s.url) {
      li.appendChild(el("code", s.url));
    }
  }
  function fill(name) {
    var node = map.nodes[name];
    panel.textContent = "";
    var close = el("button", "\u00d7", "close");
    close.type = "button"; close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", closePanel);
    panel.appendChild(close);
    panel.appendChild(el("div", node.kind, "kind"));
    panel.appendChild(el("h2", node.id));
    if (node.title) panel.appendChild(el("div", node.title, "full-title"));
    if (node.text) panel.appendChild(el("p", node.text, "full-text"));
    if (node.label) panel.appendChild(el("p", node.label, "full-text"));
    var status = el("p");
    status.appendChild(el("span", node.status, "status " + node.status.toLowerCase()));
    status.appendChild(el("span", " " + node.why.text + " "));
    if (node.why.node) status.appendChild(link(node.why.node));
    panel.appendChild(status);
    list("Findings", node.findings, function (li, f) {
      li.className = "finding";
      li.appendChild(el("span", f.severity + " ", "severity"));
      li.appendChild(el("span", f.code, "code"));
      li.appendChild(el("div", f.message));
      if (f.help) li.appendChild(el("div", f.help, "help"));
    });
    list("Notes", node.notes, function (li, n) { li.textContent = n; });
    list("By", node.by, function (li, n) { li.textContent = n; });
    list("Tags", node.tags, function (li, n) { li.textContent = "#" + n; });
    list("Sources", node.sources, source);
    list("Relations", node.relations, function (li, r) {
      li.appendChild(el("span", r.relation + " "));
      li.appendChild(link(r.node));
    });
  }
  function select(name, move) {
    if (!map.nodes[name]) return;
    var old = selected && groupOf(selected);
    if (old) old.classList.remove("selected");
    selected = name;
    var g = groupOf(name);
    if (g) { g.classList.add("selected"); if (move) { centre(g); g.focus(); } }
    fill(name);
    panel.hidden = false;
  }
  function closePanel() {
    var g = selected && groupOf(selected);
    if (g) { g.classList.remove("selected"); g.focus(); }
    selected = null;
    panel.hidden = true;
  }

  // --- search --------------------------------------------------------------
  function matches(node, q) {
    if (q.charAt(0) === "#") return node.tags.some(function (t) { return t.toLowerCase().indexOf(q.slice(1)) === 0; });
    return [node.id, node.text, node.label, node.title].concat(node.tags).some(function (s) {
      return s && s.toLowerCase().indexOf(q) >= 0;
    });
  }
  function find() {
    var q = search.value.trim().toLowerCase();
    var groups = nodeGroups(), found = [];
    for (var i = 0; i < groups.length; i++) {
      var node = map.nodes[titleOf(groups[i])];
      var hit = q !== "" && node && matches(node, q);
      groups[i].classList.toggle("match", !!hit);
      if (hit) found.push(groups[i]);
    }
    diagram.classList.toggle("searching", q !== "");
    count.textContent = q === "" ? "" : found.length + (found.length === 1 ? " match" : " matches");
    return found;
  }
  search.addEventListener("input", find);
  search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var found = find();
    if (found.length) select(titleOf(found[0]), true);
  });

  // --- toggles and sections ------------------------------------------------
  function toggle(id, cls) {
    var box = document.getElementById(id);
    var apply = function () { document.body.classList.toggle(cls, box.checked); };
    box.addEventListener("change", apply);
    apply();
  }
  toggle("toggle-status", "show-status");
  toggle("toggle-gaps", "show-gaps");
  function hiddenSection(index) {
    for (var s = index; s !== null && s !== undefined; s = map.sections[s].parent) if (folded[s]) return true;
    return false;
  }
  function folds() {
    if (!svg) return;
    var hide = {};
    var groups = nodeGroups();
    for (var i = 0; i < groups.length; i++) {
      var name = titleOf(groups[i]), node = map.nodes[name];
      hide[name] = !!node && node.section !== null && hiddenSection(node.section);
      groups[i].classList.toggle("folded", hide[name]);
    }
    svg.querySelectorAll("g.cluster").forEach(function (g) {
      var m = /^cluster_(\d+)$/.exec(titleOf(g));
      if (m) g.classList.toggle("folded", hiddenSection(Number(m[1])));
    });
    svg.querySelectorAll("g.edge").forEach(function (g) {
      var m = /^(.*?)->([nr]:.*)$/.exec(titleOf(g));
      g.classList.toggle("folded", !!m && (hide[m[1]] || hide[m[2]]));
    });
  }
  function sectionList() {
    var holder = document.getElementById("section-list");
    holder.textContent = "";
    document.getElementById("sections").hidden = map.sections.length === 0;
    map.sections.forEach(function (s, i) {
      var label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = !folded[i];
      box.addEventListener("change", function () { folded[i] = !box.checked; folds(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + s.title));
      holder.appendChild(label);
    });
  }

  // --- start, and the live preview's updates -------------------------------
  function adopt(newSvg) {
    svg = newSvg;
    var b = svg.viewBox.baseVal;
    home = { x: b.x, y: b.y, w: b.width, h: b.height };
    svg.removeAttribute("width"); svg.removeAttribute("height");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", (map.title || "Argument map") + ": diagram");
    decorate();
  }
  adopt(diagram.querySelector("svg"));
  fit();
  sectionList();

  function showErrors(errors) {
    var box = document.getElementById("errors");
    box.textContent = "";
    box.hidden = errors.length === 0;
    if (errors.length === 0) return;
    box.appendChild(el("h2", "The map has errors; the diagram is the last one without"));
    errors.forEach(function (e) { box.appendChild(el("pre", e)); });
  }
  function update(message) {
    var next = JSON.parse(message.data);
    showErrors(next.errors);
    if (next.svg) {
      var parsed = new DOMParser().parseFromString(next.svg, "image/svg+xml").documentElement;
      if (parsed.nodeName !== "svg") return;
      var kept = view;
      map = next.map;
      diagram.replaceChild(document.importNode(parsed, true), svg);
      adopt(diagram.querySelector("svg"));
      setView(kept);
      sectionList();
      find();
      if (selected && map.nodes[selected]) select(selected, false); else if (selected) closePanel();
    }
    requestAnimationFrame(function () {
      document.body.setAttribute("data-version", String(next.version));
      window.argmarkPainted = { version: next.version, at: Date.now() };
    });
  }
  if (settings.live && window.EventSource) {
    var events = new EventSource("/events");
    events.addEventListener("update", update);
  }
})();
