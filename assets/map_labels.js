/* Chancenatlas: district names over the map as HTML labels (no map glyph server needed,
   so they work offline). Labels that would overlap a bigger neighbour's label are left out. */
(function () {
  function mapOf(host) {
    const gd = host && host.querySelector(".js-plotly-plot");
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    return sub && sub.map;
  }

  function render(map) {
    const state = map.__caLabels;
    let layer = map.getContainer().querySelector(".map-label-layer");
    if (!layer) {
      layer = document.createElement("div");
      layer.className = "map-label-layer";
      map.getContainer().appendChild(layer);
    }
    layer.replaceChildren();
    if (!state || !state.show || !state.labels) { return; }
    const placed = [];
    const width = map.getContainer().clientWidth, height = map.getContainer().clientHeight;
    state.labels.forEach(function (label) {
      const point = map.project([label[1], label[2]]);
      if (point.x < 0 || point.y < 0 || point.x > width || point.y > height) { return; }
      const div = document.createElement("div");
      div.className = "map-label";
      div.textContent = label[0];
      layer.appendChild(div);
      const w = div.offsetWidth, h = div.offsetHeight;
      const box = {l: point.x - w / 2, r: point.x + w / 2, t: point.y - h / 2, b: point.y + h / 2};
      const clash = placed.some(function (o) {
        return box.l < o.r && box.r > o.l && box.t < o.b && box.b > o.t;
      });
      if (clash) { layer.removeChild(div); return; }
      placed.push(box);
      div.style.left = box.l + "px";
      div.style.top = box.t + "px";
    });
  }

  function attach(show, labels, attempt) {
    const map = mapOf(document.getElementById("map"));
    if (!map) {
      if (attempt < 40) { setTimeout(function () { attach(show, labels, attempt + 1); }, 250); }
      return;
    }
    map.__caLabels = {show: show, labels: labels};
    if (!map.__caLabelsBound) {
      map.on("move", function () { render(map); });
      map.on("resize", function () { render(map); });
      map.__caLabelsBound = true;
    }
    render(map);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside);
  window.dash_clientside.chancenatlas = Object.assign({}, window.dash_clientside.chancenatlas, {
    drawLabels: function (show, labels) {
      const on = Boolean(show && show.length);
      attach(on, labels || [], 0);
      return on ? "labels-on" : "labels-off";
    },
  });
})();
