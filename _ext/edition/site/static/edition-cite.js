// The "Atıf" controls of the edition (edition/citing.py): fills in the absolute URL of the
// cited anchor and today's date as the access date, and copies a citation or its BibTeX.
// The site's own code; no third-party script, nothing fetched.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function fill(box) {
    var url = new URL(box.getAttribute("data-href"), document.baseURI).href;
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

  function copy(button) {
    var box = button.closest(".atif");
    var source = box.querySelector("." + button.getAttribute("data-kopyala"));
    var text = source.textContent.replace(/\s+\n/g, "\n").trim();
    var label = button.textContent;
    function done(message) {
      button.textContent = message;
      setTimeout(function () { button.textContent = label; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { done("Kopyalandı"); },
        function () { select(source); done("Seçildi: Ctrl+C ile kopyalayın"); }
      );
    } else {
      select(source);
      done("Seçildi: Ctrl+C ile kopyalayın");
    }
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("details.atif").forEach(fill);
    document.addEventListener("click", function (event) {
      var button = event.target.closest(".atif-kopyala");
      if (button) copy(button);
    });
  });
})();
