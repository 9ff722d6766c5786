// Copy a letter's citation ("Kamerstukken II 2025/26, 28 676, nr. 554"): the
// letter panel prints it as text; this adds a button beside it.  Without
// JavaScript the text is still there to select.
(() => {
  "use strict";
  for (const code of document.querySelectorAll(".citeer .citeer-tekst")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "citeer-knop";
    button.textContent = "Kopieer";
    button.setAttribute("aria-label", "Kopieer de verwijzing naar deze brief");
    const status = document.createElement("span");
    status.className = "citeer-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", async () => {
      const text = code.textContent.trim();
      let ok = false;
      try {
        await navigator.clipboard.writeText(text);
        ok = true;
      } catch {
        // No clipboard API (e.g. plain http): select the text so Ctrl+C copies it.
        const range = document.createRange();
        range.selectNodeContents(code);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        ok = !!(document.execCommand && document.execCommand("copy"));
      }
      status.textContent = ok ? "Verwijzing gekopieerd" : "Selecteer de tekst en kopieer hem met Ctrl+C";
    });
    code.after(" ", button);
    code.parentElement.append(" ", status);
  }
})();
