// Furo's side panels from the keyboard (edition.theme): each switch (a label for a hidden
// checkbox, which the keyboard cannot reach) gets a real button inside it, which opens and
// closes the panel and says whether it is open; Escape closes an open panel. Without
// JavaScript the labels work with the mouse as before.
(() => {
  "use strict";
  const panels = { __navigation: "site-paneli", __toc: "sayfa-paneli" };
  const switches = [];
  for (const [box, panel] of Object.entries(panels)) {
    const checkbox = document.getElementById(box);
    if (!checkbox) continue;
    for (const label of document.querySelectorAll(`label[for="${box}"]`)) {
      if (!label.querySelector(".icon")) continue; // the page-wide overlays: not switches
      const button = document.createElement("button");
      button.type = "button";
      button.className = "edition-panel-switch";
      button.setAttribute("aria-label", checkbox.getAttribute("aria-label") || "");
      if (document.getElementById(panel)) button.setAttribute("aria-controls", panel);
      button.append(...label.childNodes);
      label.appendChild(button);
      button.addEventListener("click", (event) => {
        event.preventDefault(); // the label would toggle it a second time
        checkbox.checked = !checkbox.checked;
        checkbox.dispatchEvent(new Event("change", { bubbles: true }));
      });
      switches.push([checkbox, button]);
    }
    checkbox.addEventListener("change", () => {
      for (const [owner, button] of switches) {
        if (owner === checkbox) button.setAttribute("aria-expanded", String(checkbox.checked));
      }
    });
  }
  for (const [checkbox, button] of switches) {
    button.setAttribute("aria-expanded", String(checkbox.checked));
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const [checkbox, button] of switches) {
      if (checkbox.checked && button.offsetParent !== null) {
        checkbox.checked = false;
        checkbox.dispatchEvent(new Event("change", { bubbles: true }));
        button.focus();
      }
    }
  });
})();
