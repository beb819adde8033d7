// The ecosystem drawing: fetches the view as JSON from the API and draws it with
// Cytoscape (vendored, see package.json). Nodes are coloured by issue area, BIPOC-led
// or most impacted, and sized by the chosen centrality. The page's table holds the same
// data for screen readers and without JavaScript; the drawing is hidden from them.
(function () {
  "use strict";
  var box = document.getElementById("network-drawing");
  if (!box || typeof window.cytoscape !== "function" || !window.fetch) {
    return;
  }
  // Okabe–Ito and Tableau colours, distinguishable with common colour blindness.
  var palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
    "#F0E442", "#4E79A7", "#9C755F", "#B07AA1", "#76B7B2", "#59A14F"];
  var grey = "#8a8a8a";
  var view = null;
  var cy = null;
  var legend = document.getElementById("network-legend");
  var selected = document.getElementById("network-selected");
  var colourSelect = document.getElementById("network-colour");
  var sizeSelect = document.getElementById("network-size");

  box.classList.add("active");
  fetch(box.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (v) { view = v; draw(); })
    .catch(function () { box.classList.remove("active"); });

  if (colourSelect) { colourSelect.addEventListener("change", function () { box.dataset.colour = colourSelect.value; restyle(); }); }
  if (sizeSelect) { sizeSelect.addEventListener("change", function () { box.dataset.size = sizeSelect.value; restyle(); }); }

  // colourKey returns the group a node is coloured by, and its label.
  function colourKey(n) {
    switch (box.dataset.colour) {
      case "bipoc_led":
        return [n.bipoc_led, box.getAttribute("data-label-bipoc-" + n.bipoc_led) || n.bipoc_led];
      case "most_impacted":
        return n.most_impacted ? ["yes", box.dataset.labelYes] : ["no", box.dataset.labelNo];
    }
    var area = (n.issue_areas && n.issue_areas[0]) || "";
    return [area, area || box.dataset.labelNone];
  }

  function groups() {
    var keys = {}, list = [];
    view.organizations.forEach(function (n) {
      var k = colourKey(n);
      if (!(k[0] in keys)) { keys[k[0]] = k[1]; list.push(k[0]); }
    });
    list.sort();
    var colours = {};
    list.forEach(function (k, i) {
      colours[k] = (k === "" || k === "not_said") ? grey : palette[i % palette.length];
    });
    if (box.dataset.colour === "most_impacted") { colours.yes = palette[5]; colours.no = palette[0]; }
    if (box.dataset.colour === "bipoc_led") { colours.yes = palette[2]; colours.no = palette[1]; colours.not_said = grey; }
    return { order: list, labels: keys, colours: colours };
  }

  function sizeOf(n, max) {
    var v = box.dataset.size === "betweenness" ? n.betweenness : box.dataset.size === "eigenvector" ? n.eigenvector : n.degree;
    return 8 + 32 * (max > 0 ? Math.sqrt(v / max) : 0);
  }

  function maxSize() {
    var m = 0;
    view.organizations.forEach(function (n) {
      var v = box.dataset.size === "betweenness" ? n.betweenness : box.dataset.size === "eigenvector" ? n.eigenvector : n.degree;
      if (v > m) { m = v; }
    });
    return m;
  }

  // positions lays large views out without a force simulation: each Louvain community
  // is a sunflower spiral (most central first), and the communities sit on a grid.
  function positions() {
    var byCommunity = {};
    view.organizations.forEach(function (n) {
      (byCommunity[n.community] = byCommunity[n.community] || []).push(n);
    });
    var ids = Object.keys(byCommunity).sort(function (a, b) { return byCommunity[b].length - byCommunity[a].length; });
    var cols = Math.ceil(Math.sqrt(ids.length)), pos = {}, cell = 0;
    ids.forEach(function (c, i) {
      var members = byCommunity[c].sort(function (a, b) { return b.degree - a.degree; });
      var radius = 12 * Math.sqrt(members.length) + 20;
      cell = Math.max(cell, 2 * radius + 40);
      members.forEach(function (n, j) {
        var r = 12 * Math.sqrt(j), t = j * 2.39996;
        pos[n.id] = { c: i, x: r * Math.cos(t), y: r * Math.sin(t) };
      });
    });
    Object.keys(pos).forEach(function (id) {
      var p = pos[id];
      p.x += (p.c % cols) * cell;
      p.y += Math.floor(p.c / cols) * cell;
    });
    return pos;
  }

  function draw() {
    var g = groups(), max = maxSize(), large = view.organizations.length > 300;
    var pos = large ? positions() : null;
    var elements = view.organizations.map(function (n) {
      var k = colourKey(n);
      var el = { group: "nodes", data: { id: n.id, label: n.name, colour: g.colours[k[0]], size: sizeOf(n, max), org: n } };
      if (pos) { el.position = { x: pos[n.id].x, y: pos[n.id].y }; }
      return el;
    });
    view.ties.forEach(function (t, i) {
      elements.push({ group: "edges", data: { id: "t" + i, source: t.a, target: t.b, width: 0.5 + t.depth * 0.6 } });
    });
    cy = window.cytoscape({
      container: box,
      elements: elements,
      layout: large ? { name: "preset" } : { name: "cose", animate: false, randomize: false, nodeRepulsion: 8000 },
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : "auto",
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: large ? "" : "data(label)", "font-size": 9, color: "#222", "text-valign": "bottom", "text-margin-y": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#9aa4ad", opacity: 0.6 } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111", label: "data(label)" } }
      ]
    });
    cy.on("tap", "node", function (evt) { describe(evt.target.data("org")); });
    showLegend(g);
  }

  function restyle() {
    if (!cy) { return; }
    var g = groups(), max = maxSize();
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = node.data("org");
        node.data("colour", g.colours[colourKey(n)[0]]);
        node.data("size", sizeOf(n, max));
      });
    });
    showLegend(g);
  }

  function showLegend(g) {
    if (!legend) { return; }
    legend.textContent = "";
    g.order.forEach(function (k) {
      var li = document.createElement("li");
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.backgroundColor = g.colours[k];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(g.labels[k]));
      legend.appendChild(li);
    });
  }

  function describe(n) {
    if (!selected) { return; }
    selected.textContent = n.name + " — " + (n.issue_areas.join(", ") || box.dataset.labelNone) +
      " · degree " + n.degree + " · betweenness " + n.betweenness.toFixed(3) + " · eigenvector " + n.eigenvector.toFixed(3);
  }
})();
