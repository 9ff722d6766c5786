// Site search with Pagefind, shown in Material's search box (overrides/partials/zoeken.html).
// Pagefind stems Dutch and folds diacritics ("oekraine" finds "Oekraïne"), and the
// browser fetches only the index chunks and result fragments a query needs.
// Results lead to the section: each page lists its best-matching sections.
(() => {
  "use strict";
  const input = document.getElementById("zoekveld");
  const toggle = document.getElementById("__search");
  if (!input || !toggle) return;
  const output = document.getElementById("zoekresultaten");
  const status = output.querySelector(".md-search-result__meta");
  const list = output.querySelector(".md-search-result__list");
  const more = output.querySelector(".zoeken__meer");
  const form = input.form;
  const hint = status.textContent;
  const PAGE = 10; // results loaded per step
  const SECTIONS = 3; // sections shown per page

  // Material puts the site root, relative to this page, in its config block.
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const options = { baseUrl: root.pathname, excerptLength: 24, highlightParam: "markeer" };
  let pagefind = null;
  const load = () => (pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
    await pf.options(options);
    pf.init();
    return pf;
  }));

  const escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const plural = (n) => (n === 1 ? "1 resultaat" : `${n} resultaten`);

  function section(sub, level) {
    // A hit on the page's own h1 is a hit on the page: no jump to the title.
    const url = sub.anchor && sub.anchor.element !== "h1" ? sub.url : sub.url.split("#")[0];
    return `<a href="${escape(url)}" class="md-search-result__link" tabindex="-1">
      <article class="md-search-result__article md-typeset">
        ${level === 1 ? '<div class="md-search-result__icon md-icon"></div>' : ""}
        <h${level}>${escape(sub.title)}</h${level}>
        <p>${sub.excerpt}</p>
      </article></a>`;
  }

  function item(data) {
    const label = [data.meta.soort, data.meta.datum].filter(Boolean).map(escape).join(" · ");
    const subs = (data.sub_results || []).filter((s) => s.anchor && s.anchor.element !== "h1").slice(0, SECTIONS);
    const head = `<a href="${escape(data.url)}" class="md-search-result__link" tabindex="-1">
      <article class="md-search-result__article md-typeset">
        <div class="md-search-result__icon md-icon"></div>
        <h1>${escape(data.meta.title)}</h1>
        ${label ? `<p class="zoeken__soort">${label}</p>` : ""}
        ${subs.length ? "" : `<p>${data.excerpt}</p>`}
      </article></a>`;
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = head + subs.map((s) => section(s, 2)).join("");
    return li;
  }

  let current = null; // the query whose results are on screen
  let results = [];
  let shown = 0;

  async function showMore() {
    const batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    const query = current;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (query !== current) return;
    list.append(...data.map(item));
    more.hidden = shown >= results.length;
  }

  async function search(query) {
    const pf = await load();
    const found = await pf.debouncedSearch(query, {}, 200);
    if (found === null || query !== input.value.trim()) return; // a newer query is under way
    current = query;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    status.textContent = results.length ? plural(results.length) : `Niets gevonden voor “${query}”`;
    await showMore();
  }

  function open() {
    toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    const query = input.value.trim();
    if (!query) {
      current = null;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = hint;
      return;
    }
    search(query).catch(() => { status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen."; });
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(() => input.dispatchEvent(new Event("input")), 0));
  more.addEventListener("click", () => showMore());
  // The header's magnifier (small screens) opens the box through the toggle.
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  // Following a result closes the box (the target may be on this page).
  list.addEventListener("click", (e) => { if (e.target.closest("a")) toggle.checked = false; });

  document.addEventListener("keydown", (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const typing = /^(input|textarea|select)$/i.test(document.activeElement?.tagName || "")
      || document.activeElement?.isContentEditable;
    if (!toggle.checked) {
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const links = [input, ...list.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      const next = (Math.max(0, at) + links.length + (e.key === "ArrowUp" ? -1 : 1)) % links.length;
      e.preventDefault();
      links[next].focus();
    }
  });

  // Arriving from a result: mark the query's words on the page (Pagefind's own highlighter).
  if (new URLSearchParams(location.search).has(options.highlightParam)) {
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then((m) => new m.default({ highlightParam: options.highlightParam, addStyles: false }))
      .catch(() => {});
  }
})();
