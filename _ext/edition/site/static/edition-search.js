// Turkish search (edition.search), on top of Sphinx's searchtools.js. What is replaced, and
// why (tests/test_reader.py drives it in chromium; tests/test_upstream.py checks what it
// assumes of searchtools.js):
// - the query: a word typed with a Turkish letter is lower-cased the Turkish way (İ→i,
//   I→ı), a word typed in ASCII letters as it is; every stem is written in ASCII letters
//   (ı→i, ş→s, ğ→g, ç→c, ö→o, ü→u), as the index is (edition/site/search.py), so "ISCI",
//   "gurcistan" and "trocki" find what "İşçi", "Gürcistan" and "Troçki" find;
// - Search._performSearch: titles, index entries and objects are matched folded too, and
//   each page is listed once (its best match kept);
// - Search.makeSearchSummary: a summary with spaces between blocks (headings, paragraphs,
//   list items, cells), without the "Atıf" controls, the words highlighted where their
//   folded letters are (Sphinx's highlighter lower-cases the text, which shifts every
//   offset after an "İ"; its own highlighting is given no words here).
(() => {
  if (typeof Search === "undefined") return;
  const TURKISH = /[ıİşŞğĞçÇöÖüÜâÂîÎûÛ]/;
  const ASCII = { ı: "i", ş: "s", ğ: "g", ç: "c", ö: "o", ü: "u", â: "a", î: "i", û: "u" };
  // One UTF-16 unit in, one out: offsets in the folded text are offsets in the text.
  const foldUnit = (unit) => {
    const lower = unit === "I" || unit === "İ" ? "i" : unit.toLowerCase();
    return lower.length === 1 ? ASCII[lower] || lower : unit;
  };
  const fold = (text) => text.replace(/[\s\S]/g, foldUnit);
  const turkishLower = (text) => text.replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase();
  const caseWord = (word) => (TURKISH.test(word) ? turkishLower(word) : word.toLowerCase());

  let highlights = []; // the query's words, folded

  const TurkishStemmer = window.Stemmer;
  window.Stemmer = function FoldingStemmer() {
    const stemmer = new TurkishStemmer();
    this.stemWord = (word) => fold(stemmer.stemWord(word));
  };

  const performSearch = Search.performSearch;
  Search.performSearch = (query) => {
    const words = splitQuery(query);
    highlights = [...new Set(words.map(fold))].sort((a, b) => b.length - a.length);
    performSearch(query.replace(/[\p{Letter}\p{Number}_]+/gu, caseWord));
  };

  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const [text, searchTerms, excludedTerms, , objectTerms] = parseQuery(query);
    return [text, searchTerms, excludedTerms, new Set(), objectTerms];
  };

  // One result: [docname, title, anchor, description, score, filename, kind].
  Search._performSearch = (query, searchTerms, excludedTerms) => {
    const index = Search._index;
    const { docnames, filenames, titles } = index;
    const wanted = fold(query.trim());
    const words = splitQuery(wanted);
    const results = [];
    const add = (file, title, anchor, description, score, kind) =>
      results.push([docnames[file], title, anchor, description, score, filenames[file], kind]);
    // a title or an index entry the whole query makes at least half of (as upstream)
    const near = (name) => fold(name).includes(wanted) && wanted.length >= name.length / 2;
    for (const [title, found] of Object.entries(index.alltitles))
      if (near(title))
        for (const [file, id] of found) {
          const page = titles[file] === title;
          const shown = page ? title : `${titles[file]} > ${title}`;
          const score = Math.round((Scorer.title * wanted.length) / title.length) + page;
          add(file, shown, id === null ? "" : `#${id}`, null, score, SearchResultKind.title);
        }
    for (const [entry, found] of Object.entries(index.indexentries))
      if (near(entry))
        for (const [file, id, main] of found) {
          // a mention (not main) only finds its page, after every other match (as upstream)
          const score = main ? Math.round((100 * wanted.length) / entry.length) : 1;
          add(file, titles[file], id ? `#${id}` : "", null, score, SearchResultKind.index);
        }
    // an object whose title holds every word of the query
    for (const [prefix, objects] of Object.entries(index.objects))
      for (const [file, type, priority, anchor, name] of objects) {
        const full = fold(prefix ? `${prefix}.${name}` : name);
        if (!words.length || !words.every((word) => full.includes(word))) continue;
        const score =
          (full === wanted ? Scorer.objNameMatch : Scorer.objPartialMatch)
          + (Scorer.objPrio[priority] ?? Scorer.objPrioDefault);
        const kind = index.objnames[type][2];
        const where = `${kind}${_(", in ")}${titles[file]}`;
        add(file, name, `#${anchor}`, where, score, SearchResultKind.object);
      }
    results.push(...Search.performTermsSearch(searchTerms, excludedTerms));
    if (Scorer.score) results.forEach((result) => (result[4] = Scorer.score(result)));
    // each page once, with its best match; best first (the list is shown from its end)
    const best = new Map();
    for (const result of results) {
      const kept = best.get(result[0]);
      if (!kept || result[4] > kept[4]) best.set(result[0], result);
    }
    return [...best.values()].sort(
      (a, b) => a[4] - b[4] || b[1].localeCompare(a[1], "tr"),
    );
  };

  const BEFORE = 60; // characters shown before the first word found (at most)
  const CONTEXT = 110; // and 2 × CONTEXT in all
  const BLOCKS =
    "address, article, aside, blockquote, br, caption, dd, details, div, dl, dt, figcaption, "
    + "figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, nav, ol, p, pre, section, "
    + "summary, table, td, th, tr, ul";
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page
      .querySelectorAll(".headerlink, script, style, .sayfa-araclari, .atif-bolum")
      .forEach((element) => element.remove());
    page.querySelectorAll(BLOCKS).forEach((element) => {
      element.prepend(" ");
      element.append(" ");
    });
    const main = page.querySelector('[role="main"]');
    const part = (anchor && main && main.querySelector(anchor)) || main;
    return part ? around(part, main).replace(/\s+/g, " ").trim() : "";
  };
  // The text of an anchored element, and of what follows it when it is short (an anchor
  // on a name, or on a term whose description follows it), else of its parent.
  const around = (element, main) => {
    let text = element.textContent;
    for (let next = element.nextSibling; next && text.length < 2 * CONTEXT; next = next.nextSibling)
      text += next.textContent;
    const enough = text.trim().length >= 2 * CONTEXT;
    return enough || element === main || !element.parentElement
      ? text
      : around(element.parentElement, main);
  };

  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (!text) return null;
    const folded = fold(text);
    // a word of the query where a word of the text begins (the words are letters only)
    const pattern = highlights.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${highlights.join("|")})`, "gu")
      : null;
    const first = pattern ? folded.search(pattern) : -1;
    const stems = [...keywords].map((word) => folded.indexOf(word)).filter((at) => at > -1);
    const at = first > -1 ? first : stems.length ? Math.min(...stems) : 0;
    let start = Math.max(at - BEFORE, 0);
    let end = Math.min(start + 2 * CONTEXT, text.length);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start; // whole words only
    if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
    const summary = document.createElement("p");
    summary.classList.add("context");
    if (start > 0) summary.append("… ");
    let shown = start;
    const part = folded.slice(start, end);
    for (const match of pattern ? part.matchAll(pattern) : []) {
      const from = start + match.index;
      summary.append(text.slice(shown, from));
      const mark = summary.appendChild(document.createElement("span"));
      mark.classList.add("highlighted");
      mark.textContent = text.slice(from, from + match[0].length);
      shown = from + match[0].length;
    }
    summary.append(text.slice(shown, end));
    if (end < text.length) summary.append(" …");
    return summary;
  };
})();
