// Copy a link to a heading or paragraph: every heading and every letter paragraph
// (id "p<line>") gets a small button that copies the page's public address
// (its canonical URL) with the #anchor, so a Kamerlid or journalist can cite
// the exact passage.
(() => {
  "use strict";
  const article = document.querySelector(".md-content article");
  if (!article) return;
  const canonical = document.querySelector('link[rel="canonical"]');
  const pageUrl = (canonical ? canonical.href : location.href).split("#")[0];
  const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0M8.1 20a4.1 4.1 0 0 1-2.9-7l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2.1 2.1 0 0 0 3 3l2.1-2.1a1 1 0 1 1 1.4 1.4L11 18.8A4.1 4.1 0 0 1 8.1 20m8-6.7a1 1 0 0 1-.7-1.7l2.1-2.1a2.1 2.1 0 0 0-3-3l-2.1 2.1a1 1 0 1 1-1.4-1.4L13 5.2a4.1 4.1 0 0 1 5.8 5.8l-2.1 2.1a1 1 0 0 1-.7.3"/></svg>';

  let toast = null;
  let timer = 0;
  function say(text) {
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "deel-melding";
      toast.setAttribute("role", "status");
      toast.setAttribute("aria-live", "polite");
      document.body.append(toast);
    }
    toast.textContent = text;
    toast.classList.add("deel-melding--zichtbaar");
    clearTimeout(timer);
    timer = setTimeout(() => toast.classList.remove("deel-melding--zichtbaar"), 2500);
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // No clipboard API (e.g. plain http): the old way, through a selection.
      const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
      area.style.cssText = "position:fixed;opacity:0";
      document.body.append(area);
      area.select();
      const ok = document.execCommand && document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  function button(id, what) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "deel-link";
    b.dataset.anker = id;
    b.title = `Kopieer link naar ${what}`;
    b.setAttribute("aria-label", `Kopieer link naar ${what}`);
    b.innerHTML = ICON;
    return b;
  }

  for (const h of article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
    h.append(button(h.id, "deze sectie"));
  }
  for (const p of article.querySelectorAll('p[id^="p"]')) {
    if (/^p\d+$/.test(p.id)) {
      p.classList.add("deelbaar");
      p.prepend(button(p.id, "deze alinea"));
    }
  }

  article.addEventListener("click", async (e) => {
    const b = e.target.closest(".deel-link");
    if (!b) return;
    e.preventDefault();
    const url = `${pageUrl}#${b.dataset.anker}`;
    if (await copy(url)) {
      history.replaceState(null, "", `#${b.dataset.anker}`);
      say("Link gekopieerd");
    } else {
      window.prompt("Kopieer deze link:", url);
    }
  });
})();
