// Entente's launcher widget for members' intranets, following La Suite numérique's "La Gaufre"
// v2 embedding protocol (suitenumerique/integration, widgets/lagaufre): the page queues
// `window._lasuite_widget.push(['lagaufre', 'init', { api, buttonElement, … }])` and loads this
// script; it replays the queue, then handles later pushes and the DOM events
// `lasuite-widget-lagaufre-{init,open,close,toggle,configure,destroy}`, and emits
// `lasuite-widget-lagaufre-{loaded,opened,closed}`. Written for Entente (no third-party CDN);
// plain browser JavaScript, no dependency: it runs in pages we do not control.
// The dialog lives in a Shadow DOM (the intranet's styles do not leak in), is modal (focus trap,
// Escape, click outside), and fetches the feed without credentials.
(() => {
  const NAME = "lagaufre";
  const PREFIX = `lasuite-widget-${NAME}`;
  const HOST_ID = `${PREFIX}-shadow`;
  const FR = {
    label: "Services de l'entente",
    closeLabel: "Fermer",
    headerLabel: "Services de l'entente",
    loadingText: "Chargement…",
    newWindowLabelSuffix: " (nouvelle fenêtre)",
    viewMoreLabel: "Voir plus",
    viewLessLabel: "Voir moins",
    emptyText: "Aucun service trouvé",
  };
  let state = null;

  const emit = (kind) => document.dispatchEvent(new CustomEvent(`${PREFIX}-${kind}`));
  const elementOf = (value) => (typeof value === "string" ? document.querySelector(value) : value || null);
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    for (const child of children || []) node.append(child);
    return node;
  };

  const STYLE = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: transparent; z-index: 2147483646; }
.dialog { position: fixed; z-index: 2147483647; width: min(22rem, calc(100vw - 1rem)); max-height: min(32rem, calc(100vh - 2rem));
  overflow: auto; box-sizing: border-box; padding: 1rem; border-radius: 0.5rem; color: #161616;
  background: var(--bg, #ffffff); box-shadow: 0 6px 18px rgba(0,0,18,.25); font: 16px/1.4 var(--font, Marianne, Arial, sans-serif); }
.head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.05rem; margin: 0; }
button { font: inherit; cursor: pointer; border: 1px solid #000091; background: #fff; color: #000091; border-radius: .25rem; padding: .25rem .6rem; }
button:focus-visible, a:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; }
a { display: flex; flex-direction: column; align-items: center; gap: .25rem; padding: .5rem .25rem; border-radius: .25rem;
  color: #161616; text-decoration: none; text-align: center; font-size: .85rem; }
a:hover { background: #eeeeee; }
img { width: 2.5rem; height: 2.5rem; object-fit: contain; }
.status { margin: .5rem 0; }
.error { color: #ce0500; }
.more { margin-top: .75rem; width: 100%; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  function options(raw) {
    const o = Object.assign({}, FR, raw || {});
    o.showMoreLimit = Number.isInteger(o.showMoreLimit) && o.showMoreLimit > 0 ? o.showMoreLimit : 6;
    return o;
  }

  function onButtonClick(event) {
    event.preventDefault();
    toggle();
  }

  function init(raw) {
    destroy();
    const o = options(raw);
    const host = el("div", { id: HOST_ID });
    const root = host.attachShadow({ mode: "open" });
    root.append(el("style", {}, [STYLE]));
    document.body.append(host);
    const button = elementOf(o.buttonElement);
    state = {
      o,
      host,
      root,
      button,
      services: null,
      error: null,
      expanded: false,
      dialog: null,
      backdrop: null,
    };
    if (button) {
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-haspopup", "dialog");
      if (!button.getAttribute("aria-label") && !button.textContent.trim())
        button.setAttribute("aria-label", o.label);
      button.addEventListener("click", onButtonClick);
    }
    emit("loaded");
    if (o.open) void open();
  }

  async function load() {
    const s = state;
    if (s.services !== null || s.loading) return;
    if (s.o.data) {
      s.services = (s.o.data.services || []).filter((x) => x?.logo);
      s.error = s.o.data.error || null;
      return;
    }
    s.loading = true;
    try {
      const response = await fetch(s.o.api, { method: "GET", credentials: "omit", mode: "cors" });
      const body = await response.json();
      s.services = (body.services || []).filter((x) => x?.logo);
      s.error = body.error || (response.ok ? null : `HTTP ${response.status}`);
    } catch (error) {
      s.services = [];
      s.error = String(error?.message ? error.message : error);
    } finally {
      s.loading = false;
    }
  }

  function tile(service, o) {
    const image = el("img", { src: service.logo, alt: "" });
    const name = el("span", {}, [service.name]);
    const suffix = el("span", { class: "visually-hidden" }, [o.newWindowLabelSuffix]);
    return el("li", {}, [
      el("a", { href: service.url, target: "_blank", rel: "noopener noreferrer" }, [image, name, suffix]),
    ]);
  }

  function renderBody(s, container) {
    container.replaceChildren();
    if (s.services === null)
      return container.append(el("p", { class: "status", role: "status" }, [s.o.loadingText]));
    if (s.error) container.append(el("p", { class: "status error", role: "alert" }, [s.error]));
    if (s.services.length === 0 && !s.error) container.append(el("p", { class: "status" }, [s.o.emptyText]));
    const shown = s.expanded ? s.services : s.services.slice(0, s.o.showMoreLimit);
    if (shown.length > 0)
      container.append(
        el(
          "ul",
          {},
          shown.map((x) => tile(x, s.o)),
        ),
      );
    if (s.services.length > s.o.showMoreLimit) {
      const more = el("button", { type: "button", class: "more", "aria-expanded": String(s.expanded) }, [
        s.expanded ? s.o.viewLessLabel : s.o.viewMoreLabel,
      ]);
      more.addEventListener("click", () => {
        s.expanded = !s.expanded;
        renderBody(s, container);
        if (s.dialog) place(s.dialog, s);
        container.querySelector(".more")?.focus();
      });
      container.append(more);
    }
  }

  // Margin kept between the dialog and the viewport's edges, and the width under which the
  // dialog takes the whole width (a phone): in CSS pixels.
  const MARGIN = 8;
  const NARROW = 480;
  const clamp = (value, low, high) => Math.max(low, Math.min(value, high));

  // Where the dialog goes: under the button, its right edge on the button's (La Gaufre's
  // habit), or its left edge on the button's when that would cross the left edge; the
  // integrator's top/bottom/left/right when given. Then, whatever the start, the dialog is
  // measured and moved back inside the viewport (left and top clamped), and on a narrow
  // screen it spans the width. Called again when the content or the viewport changes.
  function place(dialog, s) {
    const o = s.o;
    // The viewport without its scroll bars; an intranet page in quirks mode (no doctype) gives
    // the document's size there instead, so the window's is used.
    const standards = document.compatMode === "CSS1Compat";
    const vw = (standards && document.documentElement.clientWidth) || window.innerWidth;
    const vh = (standards && document.documentElement.clientHeight) || window.innerHeight;
    for (const k of ["top", "bottom", "left", "right", "width"]) dialog.style[k] = "";
    const narrow = vw < NARROW;
    if (narrow) {
      dialog.style.left = `${MARGIN}px`;
      dialog.style.width = `${Math.max(0, vw - 2 * MARGIN)}px`;
    }
    const sides = ["top", "bottom", "left", "right"].filter((k) => o[k] !== undefined);
    for (const k of sides) dialog.style[k] = typeof o[k] === "number" ? `${o[k]}px` : String(o[k]);
    const box = dialog.getBoundingClientRect();
    const button = s.button ? s.button.getBoundingClientRect() : null;
    let left = box.left;
    let top = box.top;
    if (sides.length === 0 && button) {
      left = button.right - box.width < MARGIN ? button.left : button.right - box.width;
      top = button.bottom + MARGIN;
      // Not enough room under the button but enough above it: open upwards.
      if (top + box.height > vh - MARGIN && button.top - MARGIN - box.height >= MARGIN)
        top = button.top - MARGIN - box.height;
    } else if (sides.length === 0) {
      left = vw - MARGIN - box.width;
      top = MARGIN;
    }
    if (narrow) left = MARGIN;
    dialog.style.right = "";
    dialog.style.bottom = "";
    dialog.style.left = `${Math.round(clamp(left, MARGIN, vw - MARGIN - box.width))}px`;
    dialog.style.top = `${Math.round(clamp(top, MARGIN, vh - MARGIN - box.height))}px`;
  }

  function onResize() {
    if (state?.dialog) place(state.dialog, state);
  }

  function focusables(dialog) {
    return [...dialog.querySelectorAll("a[href], button:not([disabled])")];
  }

  function onKeydown(event) {
    const s = state;
    if (!s?.dialog) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab") return;
    const items = focusables(s.dialog);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = s.root.activeElement;
    if (event.shiftKey && (active === first || !s.dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !s.dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  async function open() {
    const s = state;
    if (!s || s.dialog) return;
    const titleId = `${PREFIX}-title`;
    const closeButton = el("button", { type: "button", class: "close" }, [s.o.closeLabel]);
    const body = el("div", { class: "body" });
    const dialog = el(
      "div",
      { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      [el("div", { class: "head" }, [el("h2", { id: titleId }, [s.o.headerLabel]), closeButton]), body],
    );
    if (s.o.fontFamily) dialog.style.setProperty("--font", s.o.fontFamily);
    if (s.o.background) dialog.style.setProperty("--bg", s.o.background);
    const backdrop = el("div", { class: "backdrop" });
    backdrop.addEventListener("click", close);
    closeButton.addEventListener("click", close);
    dialog.addEventListener("keydown", onKeydown);
    s.dialog = dialog;
    s.backdrop = backdrop;
    s.root.append(backdrop, dialog);
    s.button?.setAttribute("aria-expanded", "true");
    renderBody(s, body);
    place(dialog, s);
    window.addEventListener("resize", onResize);
    closeButton.focus();
    emit("opened");
    await load();
    if (s.dialog === dialog) {
      renderBody(s, body);
      place(dialog, s);
      (body.querySelector("a[href]") || closeButton).focus();
    }
  }

  function close() {
    const s = state;
    if (!s?.dialog) return;
    window.removeEventListener("resize", onResize);
    s.dialog.remove();
    s.backdrop.remove();
    s.dialog = null;
    s.backdrop = null;
    s.button?.setAttribute("aria-expanded", "false");
    s.button?.focus();
    emit("closed");
  }

  function toggle() {
    if (state?.dialog) close();
    else void open();
  }

  function configure(raw) {
    if (!state) return;
    const changed = raw || {};
    state.o = options(Object.assign({}, state.o, changed));
    if ("api" in changed || "data" in changed) state.services = null;
  }

  function destroy() {
    if (!state) return;
    close();
    state.button?.removeEventListener("click", onButtonClick);
    state.host.remove();
    state = null;
  }

  const ACTIONS = { init, open, close, toggle, configure, destroy };

  function run(item) {
    if (!Array.isArray(item) || item[0] !== NAME) return false;
    const action = ACTIONS[item[1]];
    if (action) action(item[2]);
    return true;
  }

  for (const kind of Object.keys(ACTIONS)) {
    document.addEventListener(`${PREFIX}-${kind}`, (event) => ACTIONS[kind](event.detail));
  }
  window._lasuite_widget = window._lasuite_widget || [];
  const queue = window._lasuite_widget;
  const originalPush = queue.push.bind(queue);
  const pending = queue.splice(0, queue.length);
  queue.push = (...items) => {
    for (const item of items) if (!run(item)) originalPush(item);
    return queue.length;
  };
  for (const item of pending) if (!run(item)) originalPush(item);
})();
