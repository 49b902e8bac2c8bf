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

  /* Area layers are (re)added when their geometry arrives, possibly after the offer points;
     the points belong on top, so move their layers last whenever they are not. */
  function offersOnTop(map) {
    const ids = ["plotly-trace-layer-offers-circle", "plotly-trace-layer-offers-symbol"];
    const style = map.isStyleLoaded() ? map.getStyle() : null;
    if (!style || !style.layers) { return; }  // called again on the next "idle"
    const layers = style.layers.map(function (l) { return l.id; });
    const present = ids.filter(function (id) { return layers.includes(id); });
    if (present.length && layers.slice(-present.length).join() !== present.join()) {
      present.forEach(function (id) { map.moveLayer(id); });
    }
  }

  function attach(show, data, attempt) {
    const host = document.getElementById("map");
    const map = mapOf(host);
    if (!map) {
      if (attempt < 40) { setTimeout(function () { attach(show, data, attempt + 1); }, 250); }
      return;
    }
    const gd = host.querySelector(".js-plotly-plot");
    if (window.Plotly && gd) { window.Plotly.Fx.unhover(gd); }  // no stale hover after a switch
    if (data.bounds && map.__caFitted !== data.level) {
      // fit the whole area into the map as it is really sized (once per level)
      map.fitBounds([[data.bounds[0], data.bounds[1]], [data.bounds[2], data.bounds[3]]],
                    {padding: 16, animate: false});
      map.__caFitted = data.level;
    }
    map.__caLabels = {show: show, labels: data.labels || []};
    if (!map.__caLabelsBound) {
      map.on("move", function () { render(map); });
      map.on("resize", function () { render(map); });
      map.on("idle", function () { offersOnTop(map); });
      map.__caLabelsBound = true;
    }
    offersOnTop(map);
    render(map);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside);
  window.dash_clientside.chancenatlas = Object.assign({}, window.dash_clientside.chancenatlas, {
    drawLabels: function (show, data) {
      const on = Boolean(show && show.length);
      attach(on, data || {}, 0);
      return on ? "labels-on" : "labels-off";
    },
  });
})();
