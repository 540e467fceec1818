// Previews of what a link points to (edition.preview): cross-references, footnotes,
// bibliography entries and the persons register. Shown on hover and on keyboard focus,
// kept while the pointer is over the preview, closed with Escape. On a touch screen the
// first tap on a link shows its preview and a second tap on it follows the link. Pages
// are fetched from the site itself only.
(() => {
  "use strict";
  const main = document.querySelector("article[role=main]");
  if (!main || document.body.dataset.previews === "off") return;

  const box = document.createElement("div");
  box.id = "onizleme";
  box.className = "onizleme";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.appendChild(box);

  const pages = new Map(); // page address → Promise<Document | null>
  const here = new URL(document.location.href);
  here.hash = "";
  let current = null; // the link whose preview is shown
  let timer = null;
  let touch = false; // the last press was a finger's or a pen's, not the mouse's or a key
  let tapped = null; // the link a first tap showed the preview of; a second tap follows it

  const page = (url) => {
    const address = url.href.split("#")[0];
    if (address === here.href.split("#")[0]) return Promise.resolve(document);
    if (!pages.has(address)) {
      pages.set(
        address,
        fetch(address)
          .then((response) => (response.ok ? response.text() : null))
          .then((html) => (html ? new DOMParser().parseFromString(html, "text/html") : null))
          .catch(() => null),
      );
    }
    return pages.get(address);
  };

  const text = (element) =>
    element ? element.textContent.replace(/\s+/g, " ").replace(/[¶#]\s*$/, "").trim() : "";

  const shorten = (words, limit = 420) =>
    words.length > limit ? `${words.slice(0, limit).replace(/\s+\S*$/, "")} …` : words;

  // What to show for the element a link points to: [heading, body text].
  const describe = (target) => {
    const drop = (clone) => {
      clone
        .querySelectorAll("details.atif, .headerlink, .fn-backref, .backrefs, span.label")
        .forEach((element) => element.remove());
      return clone;
    };
    if (target.matches("section")) {
      const heading = target.querySelector("h1, h2, h3, h4, h5, h6");
      const first = target.querySelector(":scope > p, :scope > blockquote");
      return [text(heading && drop(heading.cloneNode(true))), text(first && drop(first.cloneNode(true)))];
    }
    if (target.matches("dt")) {
      const definition = target.nextElementSibling;
      return [text(drop(target.cloneNode(true))), text(definition)];
    }
    if (target.matches("aside.footnote, div.citation")) {
      return ["", text(drop(target.cloneNode(true)))];
    }
    if (target.matches("blockquote")) {
      return ["", text(drop(target.cloneNode(true)))];
    }
    const block = target.closest("p, li, dd, blockquote") || target;
    return ["", text(drop(block.cloneNode(true)))];
  };

  const place = (link) => {
    const spot = link.getBoundingClientRect();
    const width = Math.min(420, document.documentElement.clientWidth - 16);
    box.style.width = `${width}px`;
    const left = Math.max(8, Math.min(spot.left, document.documentElement.clientWidth - width - 8));
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${spot.bottom + window.scrollY + 6}px`;
  };

  // Whether the preview of link is shown.
  const show = async (link) => {
    const url = new URL(link.getAttribute("href"), document.location.href);
    if (!url.hash) return false;
    const source = await page(url);
    if (current !== link || !source) return false;
    const target = source.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target) return false;
    const [heading, body] = describe(target);
    if (!heading && !body) return false;
    box.replaceChildren();
    if (heading) {
      const strong = document.createElement("p");
      strong.className = "onizleme-baslik";
      strong.textContent = heading;
      box.appendChild(strong);
    }
    if (body) {
      const paragraph = document.createElement("p");
      paragraph.textContent = shorten(body);
      box.appendChild(paragraph);
    }
    place(link);
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    return true;
  };

  const hide = () => {
    clearTimeout(timer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tapped = null;
    box.hidden = true;
  };

  const eligible = (element) =>
    element instanceof HTMLAnchorElement &&
    main.contains(element) &&
    !element.classList.contains("headerlink") &&
    !element.closest("details.atif, nav, .toctree-wrapper") &&
    (element.classList.contains("internal") || element.classList.contains("footnote-reference"));

  const start = (event) => {
    const link = event.target.closest && event.target.closest("a");
    if (!link || !eligible(link) || link === current) return;
    hide();
    current = link;
    timer = setTimeout(() => show(link), event.type === "focusin" ? 0 : 250);
  };

  const stop = (event) => {
    const next = event.relatedTarget;
    if (next && (box.contains(next) || (current && current.contains(next)))) return;
    if (event.type === "mouseout" && box.matches(":hover")) return;
    hide();
  };

  main.addEventListener("mouseover", start);
  main.addEventListener("focusin", start);
  main.addEventListener("mouseout", (event) => current && current.contains(event.target) && stop(event));
  main.addEventListener("focusout", (event) => current && current === event.target && stop(event));
  box.addEventListener("mouseleave", (event) => {
    if (!(current && current.contains(event.relatedTarget))) hide();
  });
  document.addEventListener("keydown", (event) => {
    touch = false;
    if (event.key === "Escape" && !box.hidden) hide();
  });

  // Touch: a tap is also a hover, a focus and a click; the click would leave the page (or
  // jump to the footnote) before the preview could be read. So the first tap on a link
  // shows its preview and stays; a second tap on the same link follows it. A tap elsewhere
  // closes the preview (mouseout and focusout, as with a mouse).
  document.addEventListener(
    "pointerdown",
    (event) => {
      touch = event.pointerType === "touch" || event.pointerType === "pen";
    },
    true,
  );
  main.addEventListener("click", (event) => {
    if (!touch || event.defaultPrevented || event.button !== 0) return;
    const link = event.target.closest && event.target.closest("a");
    if (!link || !eligible(link)) return;
    if (tapped === link) {
      hide(); // the second tap: follow the link
      return;
    }
    const url = new URL(link.getAttribute("href"), document.location.href);
    if (!url.hash) return; // nothing to preview: follow it at once
    event.preventDefault();
    hide();
    current = link;
    tapped = link;
    show(link).then((shown) => {
      if (!shown && tapped === link) link.click(); // nothing to show: go where it leads
    });
  });
})();
