// Sends a reader who follows a removed anchor of the edition to the anchor that replaced
// it (the moves are recorded in data/anchors-removed.txt; edition/anchors.py writes them
// into this script's data-redirects attribute). No third-party code; nothing is fetched.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var redirects = JSON.parse(script.getAttribute("data-redirects") || "{}");
  var fallback = script.getAttribute("data-default"); // only on the page of a removed page

  function follow() {
    var fragment = decodeURIComponent(window.location.hash.slice(1));
    var target = redirects[fragment];
    if (!target && fallback) {
      // The whole page moved: keep the fragment unless the new place names its own.
      target = fallback.indexOf("#") < 0 && fragment ? fallback + "#" + fragment : fallback;
    }
    if (target) window.location.replace(target);
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
