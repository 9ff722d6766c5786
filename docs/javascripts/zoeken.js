// Site search with Pagefind, shown in Material's search box (overrides/partials/zoeken.html).
// Pagefind stems Dutch and folds diacritics ("oekraine" finds "Oekraïne"), and the
// browser fetches only the index chunks and result fragments a query needs.
// Results lead to the section: each page lists its best-matching sections.
//
// The box opens only on purpose (a click, typing, or the keys / s f) and closes
// when focus leaves it.  A search has its own address (?q=drones&jaar=2025), so
// it can be sent to someone; opening that address shows the results.  A query
// that is a Kamerstuk or zaak number, however written (docs/javascripts/zoeknummer.js),
// lists that document first.
(() => {
  "use strict";
  const input = document.getElementById("zoekveld");
  const toggle = document.getElementById("__search");
  if (!input || !toggle) return;
  const box = input.closest(".md-search");
  const output = document.getElementById("zoekresultaten");
  const status = output.querySelector(".md-search-result__meta");
  const list = output.querySelector(".md-search-result__list");
  const more = output.querySelector(".zoeken__meer");
  const filterBox = output.querySelector(".zoeken__filters");
  const form = input.form;
  const hint = status.textContent;
  const PAGE = 10; // results loaded per step
  const SECTIONS = 3; // sections shown per page
  // Filters written by overrides/partials/zoekfilters.html, in the order shown.
  const FILTERS = [["jaar", "Jaar"], ["soort", "Soort brief"], ["vergadering", "Vergadering"], ["onderwerp", "Onderwerp"],
    ["bewindspersoon", "Ondertekend door"]];
  const SORT = "nieuwste";

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

  const hideNumberWords = (html) => String(html ?? "").replace(/(<mark>)?\bkst\d{5}[a-z0-9]*n\d+\b(<\/mark>)?/g, "");
  // A result found by its number word leads to the page without marking that word.
  function plain(href) {
    const url = new URL(href, location.href);
    const words = url.searchParams.getAll(options.highlightParam).filter((w) => !/^kst\d{5}[a-z0-9]*n\d+$/.test(w));
    url.searchParams.delete(options.highlightParam);
    for (const w of words) url.searchParams.append(options.highlightParam, w);
    return url.pathname + url.search + url.hash;
  }

  function section(sub, level) {
    // A hit on the page's own h1 is a hit on the page: no jump to the title.
    const url = plain(sub.anchor && sub.anchor.element !== "h1" ? sub.url : sub.url.split("#")[0]);
    return `<a href="${escape(url)}" class="md-search-result__link" tabindex="-1">
      <article class="md-search-result__article md-typeset">
        ${level === 1 ? '<div class="md-search-result__icon md-icon"></div>' : ""}
        <h${level}>${escape(sub.title)}</h${level}>
        <p>${hideNumberWords(sub.excerpt)}</p>
      </article></a>`;
  }

  function item(data) {
    const label = [data.meta.soort, data.meta.datum].filter(Boolean).map(escape).join(" · ");
    const subs = (data.sub_results || []).filter((s) => s.anchor && s.anchor.element !== "h1").slice(0, SECTIONS);
    const head = `<a href="${escape(plain(data.url))}" class="md-search-result__link" tabindex="-1">
      <article class="md-search-result__article md-typeset">
        <div class="md-search-result__icon md-icon"></div>
        <h1>${escape(data.meta.title)}</h1>
        ${label ? `<p class="zoeken__soort">${label}</p>` : ""}
        ${subs.length ? "" : `<p>${hideNumberWords(data.excerpt)}</p>`}
      </article></a>`;
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = head + subs.map((s) => section(s, 2)).join("");
    return li;
  }

  // --- Filters and sort ------------------------------------------------------
  const chosen = () => {
    const filters = {};
    for (const select of filterBox.querySelectorAll("select")) if (select.value) filters[select.name] = select.value;
    return filters;
  };
  const newestFirst = () => filterBox.querySelector(`input[name="${SORT}"]`)?.checked || false;
  let filtersShown = null;
  function showFilters(pf, wanted) {
    return (filtersShown ??= pf.filters().then((available) => {
      const fields = FILTERS.filter(([key]) => available[key] && Object.keys(available[key]).length).map(([key, label]) => {
        const values = Object.keys(available[key]).sort((a, b) => (key === "jaar" ? b.localeCompare(a) : a.localeCompare(b, "nl")));
        const opts = values.map((v) => `<option value="${escape(v)}"${wanted.get(key) === v ? " selected" : ""}>${escape(v)}</option>`);
        return `<label class="zoeken__filter"><span>${label}</span>
          <select name="${key}"><option value="">alle</option>${opts.join("")}</select></label>`;
      });
      fields.push(`<label class="zoeken__filter zoeken__filter--sorteer"><input type="checkbox" name="${SORT}"${wanted.has(SORT) ? " checked" : ""}>
        <span>Nieuwste eerst</span></label>`);
      filterBox.innerHTML = fields.join("");
      filterBox.hidden = false;
    }));
  }

  // --- The search's own address -----------------------------------------------
  function remember(query) {
    const url = new URL(location.href);
    for (const [key] of FILTERS) url.searchParams.delete(key);
    url.searchParams.delete(SORT);
    if (query) {
      url.searchParams.set("q", query);
      for (const [key, value] of Object.entries(chosen())) url.searchParams.set(key, value);
      if (newestFirst()) url.searchParams.set(SORT, "1");
    } else {
      url.searchParams.delete("q");
    }
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  let shownRun = 0; // which search's results are on screen (a filter change reruns one query)
  let runs = 0;
  let results = [];
  let shown = 0;

  async function showMore() {
    const batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    const run = shownRun;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (run !== shownRun) return;
    list.append(...data.map(item));
    more.hidden = shown >= results.length;
  }

  async function search(query, wanted = new URLSearchParams(location.search)) {
    const run = ++runs;
    const pf = await load();
    await showFilters(pf, wanted);
    const how = { filters: chosen(), ...(newestFirst() ? { sort: { datum: "desc" } } : {}) };
    const found = await pf.debouncedSearch(query, how, 200);
    if (found === null || query !== input.value.trim()) return; // a newer query is under way
    let hits = found.results;
    // A dossier's page, then a document's, ahead of the pages that merely name the number.
    const own = [];
    const dossier = window.zoekdossier ? window.zoekdossier(query) : null;
    if (dossier) {
      // Only the page whose word it is: "36725-1" makes "dos367251", and Pagefind returns near words.
      const first = (await pf.search(dossier, how)).results[0];
      if (first && (await first.data()).meta.zoekwoord === dossier) own.push(first);
    }
    const word = window.zoeknummer ? window.zoeknummer(query) : null;
    if (word) own.push(...(await pf.search(word, how)).results);
    if (own.length) {
      const ids = new Set(own.map((r) => r.id));
      hits = [...own.filter((r, i) => own.findIndex((o) => o.id === r.id) === i), ...hits.filter((r) => !ids.has(r.id))];
    }
    if (run !== runs || query !== input.value.trim()) return;
    shownRun = run;
    results = hits;
    shown = 0;
    list.replaceChildren();
    status.textContent = !results.length ? `Niets gevonden voor “${query}”`
      : plural(results.length) + (newestFirst() ? ", nieuwste eerst (alleen brieven en vergaderingen hebben een datum)" : "");
    remember(query);
    await showMore();
  }

  const failed = () => { status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen."; };
  function run() {
    const query = input.value.trim();
    if (!query) {
      shownRun = ++runs;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = hint;
      remember("");
      return;
    }
    search(query).catch(failed);
  }

  // The results' scroll box is a tab stop only while it is on screen.
  const scroller = output.closest(".md-search__scrollwrap");
  const reachable = () => (toggle.checked ? scroller.setAttribute("tabindex", "0") : scroller.removeAttribute("tabindex"));

  function open() {
    if (!toggle.checked) toggle.checked = true;
    reachable();
    load();
  }

  function close() {
    toggle.checked = false;
    reachable();
    remember("");
    // On a phone the field disappears with the box: let go of it.
    if (!input.offsetWidth) input.blur();
  }

  // Opening on purpose only: tabbing past the field does not open the box.
  input.addEventListener("pointerdown", open);
  input.addEventListener("input", () => { open(); run(); });
  filterBox.addEventListener("change", () => { if (input.value.trim()) run(); });
  // Focus moving on to something outside the box (Tab, Shift+Tab) closes it.
  box.addEventListener("focusout", (e) => {
    if (toggle.checked && e.relatedTarget && !box.contains(e.relatedTarget)) close();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(run, 0));
  more.addEventListener("click", () => showMore());
  // The header's magnifier (small screens) opens the box through the toggle.
  toggle.addEventListener("change", () => {
    reachable();
    if (toggle.checked) { load(); input.focus(); } else { remember(""); }
  });
  // Following a result closes the box (the target may be on this page).
  list.addEventListener("click", (e) => { if (e.target.closest("a")) { toggle.checked = false; reachable(); } });

  document.addEventListener("keydown", (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const typing = /^(input|textarea|select)$/i.test(document.activeElement?.tagName || "")
      || document.activeElement?.isContentEditable;
    if (!toggle.checked) {
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        open();
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
      if (at < 0) return; // in a filter list: the arrows choose a value
      const next = (at + links.length + (e.key === "ArrowUp" ? -1 : 1)) % links.length;
      e.preventDefault();
      links[next].focus();
    }
  });

  // An address with ?q=...: open the box with its results.
  const asked = new URLSearchParams(location.search);
  if (asked.get("q")) {
    input.value = asked.get("q");
    open();
    input.focus({ preventScroll: true });
    search(input.value.trim(), asked).catch(failed);
  }

  // Arriving from a result: mark the query's words on the page (Pagefind's own highlighter).
  if (asked.has(options.highlightParam)) {
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then((m) => new m.default({ highlightParam: options.highlightParam, addStyles: false }))
      .catch(() => {});
  }
})();
