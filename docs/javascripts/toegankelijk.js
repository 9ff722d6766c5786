// Keyboard access to Material's toggles: the header's menu and search buttons are
// <label>s for hidden checkboxes (overrides/partials/header.html gives them a role
// and a tab stop).  Material already works a focused label with Enter; Space
// is added here, as a button has both.  Also marks
// the paragraph a link leads to (CSS :target does the marking; this re-runs it
// when the same link is followed twice).
(() => {
  "use strict";
  document.addEventListener("keydown", (e) => {
    const label = e.target.closest && e.target.closest('label[role="button"][for]');
    if (!label || e.key !== " ") return;
    e.preventDefault();
    label.click();
  });

  // A link to the paragraph already in the address does not re-trigger :target's animation.
  window.addEventListener("hashchange", () => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    target.style.animation = "none";
    void target.offsetWidth; // restart the animation
    target.style.animation = "";
  });
})();
