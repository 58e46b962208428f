/* Listing filters: folded behind a "Filtre" button on small screens (a <details> that works without JavaScript),
   shown open on wide screens, where they fit beside or above the results. Filters already applied open it in HTML. */
(function () {
    "use strict";

    if (!window.matchMedia || !window.matchMedia("(min-width: 48em)").matches) {
        return;
    }
    var toggles = document.querySelectorAll("details.filters-toggle");
    for (var index = 0; index < toggles.length; index += 1) {
        toggles[index].open = true;
    }
})();
