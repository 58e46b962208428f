/* Suggestions under a search box: the ARIA 1.2 combobox pattern with a listbox (progressive enhancement).

   Each <input data-suggest-url="/cautare/sugestii/?tip=…"> becomes a combobox: as one types, titles from the
   suggestions' JSON appear below it; ↓ and ↑ move among them, Enter opens the one chosen (or, with
   data-suggest-mode="fill", writes it in the box and submits the form), Escape closes the list, and the number of
   suggestions is announced in the page's live region ([data-suggest-status], which also holds the messages).
   Without JavaScript, or when the request fails, the box is a plain search box that submits its form. */
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_CHARACTERS = 2;

    var status = document.querySelector("[data-suggest-status]");
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    if (!status || !inputs.length || !window.fetch) {
        return;
    }

    var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "ro") : null;

    function countMessage(count) {
        if (!count) {
            return status.getAttribute("data-none");
        }
        var form = plurals ? plurals.select(count) : count === 1 ? "one" : "other";
        var message = status.getAttribute("data-" + form) || status.getAttribute("data-other");
        // The messages are rendered for sample numbers (1, 2, 20): the number is put in their place.
        return message.replace(/\d+/, String(count));
    }

    function announce(message) {
        // Emptied first: some screen readers do not read the same text again when it is only set twice.
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = message;
        }, 50);
    }

    function Combobox(input, number) {
        this.input = input;
        this.url = input.getAttribute("data-suggest-url");
        this.fill = input.getAttribute("data-suggest-mode") === "fill";
        this.cache = {};
        this.items = [];
        this.active = -1;
        this.timer = null;
        this.request = null;

        this.listbox = document.createElement("ul");
        this.listbox.id = (input.id || "suggest-" + number) + "-suggestions";
        this.listbox.className = "suggestions";
        this.listbox.setAttribute("role", "listbox");
        this.listbox.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
        this.listbox.hidden = true;

        var wrapper = document.createElement("div");
        wrapper.className = "suggest";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);
        wrapper.appendChild(this.listbox);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", this.listbox.id);
        input.setAttribute("autocomplete", "off");
        var hint = input.getAttribute("data-suggest-hint");
        if (hint && document.getElementById(hint)) {
            input.setAttribute("aria-describedby", hint);
        }

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeyDown.bind(this));
        input.addEventListener("blur", this.close.bind(this));
        // Choosing with the mouse or a finger: the box keeps the focus, the page opens.
        this.listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        this.listbox.addEventListener("click", this.onClick.bind(this));
    }

    Combobox.prototype.onInput = function () {
        var query = this.input.value.trim();
        window.clearTimeout(this.timer);
        if (query.replace(/[^\p{L}\p{N}]/gu, "").length < MIN_CHARACTERS) {
            this.show([], query, false);
            return;
        }
        this.timer = window.setTimeout(this.load.bind(this, query), DELAY_MS);
    };

    Combobox.prototype.load = function (query) {
        var key = query.toLocaleLowerCase("ro");
        if (Object.prototype.hasOwnProperty.call(this.cache, key)) {
            this.show(this.cache[key], query, true);
            return;
        }
        if (this.request) {
            this.request.abort();
        }
        var controller = window.AbortController ? new AbortController() : null;
        this.request = controller;
        var separator = this.url.indexOf("?") === -1 ? "?" : "&";
        var self = this;
        window
            .fetch(this.url + separator + "q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined,
            })
            .then(function (response) {
                return response.ok ? response.json() : { suggestions: [] };
            })
            .then(function (data) {
                var items = Array.isArray(data.suggestions) ? data.suggestions : [];
                self.cache[key] = items;
                // An answer that arrives after the box changed is not shown.
                if (self.input.value.trim() === query) {
                    self.show(items, query, true);
                }
            })
            .catch(function () {
                /* Offline or aborted: the box stays a plain search box. */
            });
    };

    Combobox.prototype.show = function (items, query, speak) {
        this.items = items;
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        this.listbox.textContent = "";
        for (var index = 0; index < items.length; index += 1) {
            var option = document.createElement("li");
            option.id = this.listbox.id + "-" + index;
            option.className = "suggestions__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-index", String(index));
            var title = document.createElement("span");
            title.className = "suggestions__title";
            title.textContent = items[index].title;
            var kind = document.createElement("span");
            kind.className = "suggestions__kind";
            kind.textContent = items[index].type_label;
            option.appendChild(title);
            option.appendChild(document.createTextNode(" "));
            option.appendChild(kind);
            this.listbox.appendChild(option);
        }
        var open = items.length > 0 && document.activeElement === this.input;
        this.listbox.hidden = !open;
        this.input.setAttribute("aria-expanded", open ? "true" : "false");
        if (speak && query) {
            announce(countMessage(items.length));
        }
    };

    Combobox.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
        this.setActive(-1);
    };

    Combobox.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Combobox.prototype.setActive = function (index) {
        var options = this.listbox.children;
        for (var position = 0; position < options.length; position += 1) {
            options[position].setAttribute("aria-selected", position === index ? "true" : "false");
        }
        this.active = index;
        if (index >= 0 && options[index]) {
            this.input.setAttribute("aria-activedescendant", options[index].id);
            if (options[index].scrollIntoView) {
                options[index].scrollIntoView({ block: "nearest" });
            }
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Combobox.prototype.choose = function (index) {
        var item = this.items[index];
        if (!item) {
            return;
        }
        if (this.fill) {
            this.input.value = item.title;
            this.close();
            if (this.input.form) {
                this.input.form.submit();
            }
        } else {
            window.location.assign(item.url);
        }
    };

    Combobox.prototype.onKeyDown = function (event) {
        var count = this.items.length;
        switch (event.key) {
            case "ArrowDown":
            case "Down":
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!this.isOpen()) {
                    this.listbox.hidden = false;
                    this.input.setAttribute("aria-expanded", "true");
                }
                this.setActive(this.active + 1 < count ? this.active + 1 : 0);
                break;
            case "ArrowUp":
            case "Up":
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!this.isOpen()) {
                    this.listbox.hidden = false;
                    this.input.setAttribute("aria-expanded", "true");
                }
                this.setActive(this.active > 0 ? this.active - 1 : count - 1);
                break;
            case "Enter":
                if (this.isOpen() && this.active >= 0) {
                    event.preventDefault();
                    this.choose(this.active);
                }
                // Otherwise the form is submitted: a search for what was typed.
                break;
            case "Escape":
            case "Esc":
                if (this.isOpen()) {
                    event.preventDefault();
                    this.close();
                } else if (this.input.value) {
                    event.preventDefault();
                    this.input.value = "";
                    this.items = [];
                }
                break;
            case "Tab":
                this.close();
                break;
            default:
                break;
        }
    };

    Combobox.prototype.onClick = function (event) {
        var option = event.target.closest ? event.target.closest("[role=option]") : null;
        if (option) {
            this.choose(Number(option.getAttribute("data-index")));
        }
    };

    for (var index = 0; index < inputs.length; index += 1) {
        new Combobox(inputs[index], index);
    }
})();
