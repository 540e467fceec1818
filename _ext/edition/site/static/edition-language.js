// The language switcher (edition/site/languages.py): the link to the same page in the
// other edition takes the reader's #fragment along, so that the reader stays at the same
// passage (both editions have the same anchors). Without this script the link leads to
// the top of the page.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.dil-baglantisi");
    if (!link || !window.location.hash) return;
    link.href = link.href.split("#")[0] + window.location.hash;
  });
})();
