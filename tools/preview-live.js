// The live preview's script (tools/preview.py adds it to every page it serves; it is
// never written into the built files). It listens to the preview's events: when a build
// has written this page, the page reloads; when the last build had problems, they are
// shown in a panel at the foot of the page until a build without problems.
"use strict";
(() => {
  const here = () => {
    const path = decodeURIComponent(location.pathname).replace(/^\//, "");
    const page = path === "" || path.endsWith("/") ? path + "index.html" : path;
    return page.replace(/\.html$/, "");
  };
  let panel = null;
  let seen = null;

  const show = (problems, building) => {
    if (!problems.length && !building) {
      if (panel) panel.remove();
      panel = null;
      return;
    }
    if (!panel) {
      panel = document.createElement("aside");
      panel.setAttribute("role", "status");
      panel.id = "edition-preview";
      Object.assign(panel.style, {
        position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "10000",
        maxHeight: "40vh", overflow: "auto", margin: "0", padding: "0.75rem 1rem",
        font: "14px/1.45 ui-monospace, monospace", whiteSpace: "pre-wrap",
        background: "#2b1111", color: "#ffe9e9", borderTop: "3px solid #d33",
      });
      document.body.append(panel);
    }
    if (!problems.length) {
      panel.style.background = "#1d2530";
      panel.style.borderTopColor = "#58a";
      panel.textContent = "Önizleme: derleniyor…";
      return;
    }
    panel.style.background = "#2b1111";
    panel.style.borderTopColor = "#d33";
    const head = `Önizleme: son derlemede ${problems.length} sorun — sayfa eski olabilir.` +
      " Kaynağı düzeltip kaydedin; sayfa kendiliğinden yenilenir.\n\n";
    panel.textContent = head + problems.join("\n\n") + (building ? "\n\n(derleniyor…)" : "");
  };

  const events = new EventSource("/_preview/events");
  events.onmessage = (event) => {
    const state = JSON.parse(event.data);
    if (seen !== null && state.build !== seen && !state.building) {
      const page = here();
      if (state.written.includes(page)) {
        location.reload();
        return;
      }
    }
    if (!state.building) seen = state.build;
    show(state.problems, state.building && state.problems.length > 0);
  };
})();
