/* Chancenatlas: write the explorer's state into the address bar (no reload). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  chancenatlas: Object.assign({}, (window.dash_clientside || {}).chancenatlas, {
    writeUrlState: function (...args) {
      const sink = args.pop() || {};
      const keys = sink.keys || [];
      const toggles = sink.toggles || [];
      const params = new URLSearchParams();
      keys.forEach((key, i) => {
        let value = args[i];
        if (toggles.includes(key)) { value = (value && value.length) ? "1" : ""; }
        if (Array.isArray(value)) { value = value.join(","); }
        if (value !== null && value !== undefined && value !== "") { params.set(key, value); }
      });
      const query = "?" + params.toString();
      if (window.location.search !== query) {
        window.history.replaceState(null, "", window.location.pathname + query);
      }
      return Object.assign({}, sink, {query: query});
    },
  }),
});
