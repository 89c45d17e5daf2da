// The portal's live search (progressive enhancement: without it the search form reloads the page
// with ?q=, filtered by the server with the same folding, domain/portal-tiles.ts). Words of the
// query must all appear in a tile's `data-search` (name, description, kind; already folded).
(() => {
  const input = document.getElementById("q");
  const none = document.getElementById("none");
  if (!(input instanceof HTMLInputElement) || none === null) return;
  const fold = (text) =>
    text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  const filter = () => {
    const words = fold(input.value)
      .split(" ")
      .filter((w) => w !== "");
    let shown = 0;
    for (const tile of document.querySelectorAll("#services .tile, .tiles .tile")) {
      const match = words.every((w) => (tile.getAttribute("data-search") ?? "").includes(w));
      tile.hidden = !match;
      if (match && tile.closest("#services") !== null) shown += 1;
    }
    for (const group of document.querySelectorAll("[data-group]")) {
      group.hidden = group.querySelector(".tile:not([hidden])") === null;
    }
    none.textContent = words.length > 0 && shown === 0 ? (none.getAttribute("data-none") ?? "") : "";
  };
  input.addEventListener("input", filter);
})();
