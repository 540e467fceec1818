// Turkish search (edition.search): the query is folded the Turkish way (İ→i, I→ı) before
// Sphinx's searchtools.js lowercases it with the default rules, as the index was built;
// result summaries leave out the "Atıf" (cite this) controls.
(() => {
  if (typeof Search === "undefined") return;
  const fold = (text) => text.replace(/İ/g, "i").replace(/I/g, "ı");
  const performSearch = Search.performSearch;
  Search.performSearch = (query) => performSearch(fold(query));
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll("details.atif").forEach((element) => element.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };
})();
