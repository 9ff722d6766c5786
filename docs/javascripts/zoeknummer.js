// A Kamerstuk or zaak number, however a reader writes it, as the one search word
// overrides/partials/zoekfilters.html puts on that document's own page:
//   "28676-554", "28 676 nr. 554", "28676, nr. 554", "kst-28676-554" -> "kst28676n554"
//   "36 200 X, nr. 1", "36200-X-1" -> "kst36200xn1";  "21501-20, nr. 2307" -> "kst2150120n2307"
//   "2023Z08629" -> "2023z08629";  anything else -> null (an ordinary search).
// docs/javascripts/zoeken.js searches for the word first, so the document leads.
window.zoeknummer = (query) => {
  "use strict";
  let q = String(query ?? "").trim().toLowerCase();
  const zaak = q.match(/^(\d{4})\s?z\s?(\d{5})$/);
  if (zaak) return `${zaak[1]}z${zaak[2]}`;
  // "kst-", "Kamerstuk " in front; "28 676" or "28.676" written in groups.
  q = q.replace(/^(kamerstuk(ken)?|kst)\b[\s.:-]*/, "").replace(/^(\d{2})[ .](\d{3})\b/, "$1$2");
  const parts = q.split(/[\s,.\-]+/).filter((p) => p && !/^(nr|nummer|no)$/.test(p));
  if (!/^\d{5}$/.test(parts[0] || "")) return null;
  // dossier + number, or dossier + its part ("X", "20") + number
  if (parts.length === 2 && /^\d{1,4}$/.test(parts[1])) return `kst${parts[0]}n${parts[1]}`;
  if (parts.length === 3 && /^([a-z]{1,4}|\d{1,3})$/.test(parts[1]) && /^\d{1,4}$/.test(parts[2])) {
    return `kst${parts[0]}${parts[1]}n${parts[2]}`;
  }
  return null;
};

// A dossier's number alone, as the one search word its page carries (front matter
// `zoekdossier`): "28676", "28 676" -> "dos28676";  "21501-28" -> "dos2150128";
// "36 200 X" -> "dos36200x";  anything else -> null.  "21501-28" may also be
// Kamerstuk 21501 nr. 28: zoeken.js looks for both words, the dossier first.
window.zoekdossier = (query) => {
  "use strict";
  const q = String(query ?? "").trim().toLowerCase()
    .replace(/^(kamerstuk(ken)?|kst|dossier)\b[\s.:-]*/, "").replace(/^(\d{2})[ .](\d{3})\b/, "$1$2");
  const parts = q.split(/[\s,.\-]+/).filter(Boolean);
  if (!/^\d{5}$/.test(parts[0] || "") || parts.length > 2) return null;
  if (parts.length === 2 && !/^(\d{1,3}|[a-z]{1,4})$/.test(parts[1])) return null;
  return `dos${parts.join("")}`;
};
