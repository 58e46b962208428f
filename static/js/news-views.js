/* News view counter: count this reading once and show the up-to-date number.
   The article HTML may come from a cache, so the count is asked for here, not at render time. */
(function () {
    "use strict";

    var counter = document.querySelector("[data-news-views-url]");
    if (!counter || !window.fetch) {
        return;
    }

    fetch(counter.getAttribute("data-news-views-url"), {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "Accept": "application/json" }
    })
        .then(function (response) {
            return response.ok ? response.json() : null;
        })
        .then(function (data) {
            if (data && typeof data.views === "number") {
                counter.textContent = String(data.views);
            }
        })
        .catch(function () {
            /* The counter is a nicety: a failed request leaves the number from the page. */
        });
})();
