// The "Atıf" control of the edition (edition/citing.py): fills in the absolute URL of the
// cited anchor and today's date as the access date, and copies a citation or its BibTeX.
// A labelled section's button ("Bu bölüme atıf") opens the same citation for the section,
// made from the page's: its title, its anchor, its BibTeX key.
// The site's own code; no third-party script, nothing fetched.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The address a citation gives: the page's cited address (data-adres: a release's own
  // copy, or the site's), with the cited place's fragment.
  function fill(box, href) {
    var holder = box.matches(".atif-icerik") ? box : box.querySelector(".atif-icerik");
    var page = new URL(holder && holder.getAttribute("data-adres") || href, document.baseURI);
    var at = href.indexOf("#");
    page.hash = at === -1 ? "" : href.slice(at);
    var url = page.href;
    var now = new Date();
    var turkish = pad(now.getDate()) + "." + pad(now.getMonth() + 1) + "." + now.getFullYear();
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    box.querySelectorAll(".atif-url").forEach(function (el) { el.textContent = url; });
    box.querySelectorAll(".atif-erisim").forEach(function (el) { el.textContent = turkish; });
    box.querySelectorAll(".atif-bibtex").forEach(function (el) {
      el.textContent = el.textContent
        .replace(/url {7}= \{[^}]*\}/, "url       = {" + url + "}")
        .replace("YYYY-AA-GG", iso);
    });
  }

  // The section's citation: the page's, with the section's title, anchor and key.
  function sectionBox(button) {
    var page = document.querySelector("details.atif .atif-icerik");
    if (!page) return null;
    var box = page.cloneNode(true);
    var title = button.getAttribute("data-baslik");
    box.classList.add("atif", "atif-bolum-icerik");
    box.id = "atif-" + button.getAttribute("data-anahtar");
    box.querySelectorAll(".atif-baslik").forEach(function (el) { el.textContent = title; });
    box.querySelectorAll(".atif-bibtex").forEach(function (el) {
      el.textContent = el.textContent
        .replace(/^@incollection\{[^,]*,/, "@incollection{lenin-son-yazilar-" +
          button.getAttribute("data-anahtar") + ",")
        .replace(/title {5}= \{[^\n]*\},/, "title     = {" + title + "},");
    });
    fill(box, button.getAttribute("data-href"));
    return box;
  }

  function toggle(button) {
    var holder = button.parentElement;
    var open = holder.querySelector(".atif-bolum-icerik");
    if (open) {
      open.remove();
      holder.classList.remove("acik");
      button.setAttribute("aria-expanded", "false");
      return;
    }
    var box = sectionBox(button);
    if (!box) return;
    holder.appendChild(box);
    holder.classList.add("acik");
    button.setAttribute("aria-controls", box.id);
    button.setAttribute("aria-expanded", "true");
  }

  function copy(button) {
    var box = button.closest(".atif");
    var source = box.querySelector("." + button.getAttribute("data-kopyala"));
    var text = source.textContent.replace(/\s+\n/g, "\n").trim();
    var label = button.textContent;
    // The words are the page's (data-kopyalandi, data-secildi: edition/core/words.py)
    var copied = button.getAttribute("data-kopyalandi") || "Kopyalandı";
    var selected = button.getAttribute("data-secildi") || "Seçildi: Ctrl+C ile kopyalayın";
    function done(message) {
      button.textContent = message;
      setTimeout(function () { button.textContent = label; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { done(copied); },
        function () { select(source); done(selected); }
      );
    } else {
      select(source);
      done(selected);
    }
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // A release's frozen copy links to the same place in the current text: with the anchor
  // the reader came to.
  function sameAnchor() {
    document.querySelectorAll("a.guncel-baglanti").forEach(function (link) {
      if (location.hash) link.hash = location.hash;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sameAnchor();
    window.addEventListener("hashchange", sameAnchor);
    document.querySelectorAll("details.atif").forEach(function (box) {
      fill(box, box.getAttribute("data-href"));
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest(".atif-kopyala");
      if (button) copy(button);
      var section = event.target.closest(".atif-bolum-dugme");
      if (section) toggle(section);
    });
  });
})();
