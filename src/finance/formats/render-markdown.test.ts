import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeMarkdown, renderMarkdown } from "./render-markdown.ts";
import { money, text } from "./table.ts";

const HOSTILE = "<img src=x onerror=alert(41)> & Cie | bis";

test("escapeMarkdown makes HTML, table pipes, backslashes and line breaks inert", () => {
  assert.equal(escapeMarkdown(HOSTILE), "&lt;img src=x onerror=alert(41)&gt; &amp; Cie \\| bis");
  assert.equal(escapeMarkdown("a\\|b"), "a\\\\\\|b");
  assert.equal(escapeMarkdown("ligne 1\nligne 2"), "ligne 1 ligne 2");
});

test("renderMarkdown escapes every title, column, cell and note", () => {
  const out = renderMarkdown(
    [
      {
        id: "allocation",
        title: `Répartition ${HOSTILE}`,
        columns: ["Membre", `Part ${HOSTILE}`],
        rows: [
          { cells: [text(HOSTILE), money(12345n)] },
          { cells: [text(HOSTILE), money(12345n)], style: "total" },
        ],
        notes: [`Note ${HOSTILE}`],
      },
    ],
    { lang: "fr", unit: "cent", heading: `Budget ${HOSTILE}` },
  );
  assert.doesNotMatch(out, /<img/);
  assert.doesNotMatch(out, /& Cie/);
  assert.equal(out.match(/&lt;img/g)?.length, 6, out);
  for (const line of out.split("\n").filter((l) => l.startsWith("| ") && l.includes("Cie")))
    assert.equal(line.split(/(?<!\\)\|/).length, 4, `two cells in ${line}`);
});
