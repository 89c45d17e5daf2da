import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";
import { displayCell, isNumeric, type RenderOptions } from "./render-text.ts";
import type { Table } from "./table.ts";

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type Content = TDocumentDefinitions["content"] extends infer C
  ? C extends readonly (infer I)[]
    ? I
    : C
  : never;
type TableCell = Record<string, unknown> & { text: string };

// Roboto ships with pdfmake: full Unicode (accents, €, the narrow no-break space of French
// grouping). Fonts are read from there only; no URL or other file is ever loaded.
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("pdfmake/fonts/Roboto.js")), "Roboto");
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(FONT_DIR));
pdfmake.setUrlAccessPolicy(() => false);

/** Roboto has no narrow no-break space (U+202F, French grouping): the no-break space stands in. */
const pdfText = (text: string) => text.replace(/\u202f/g, "\u00a0");

/**
 * Renders the tables as an A4 landscape PDF (pdfmake): a heading, then each table with its
 * header repeated on every page, numbers right-aligned, totals in bold, notes below.
 */
export async function renderPdf(
  tables: readonly Table[],
  options: RenderOptions & { readonly heading: string },
): Promise<Buffer> {
  const content: Content[] = [{ text: pdfText(options.heading), style: "heading" }];
  for (const table of tables) {
    const numeric = table.columns.map((_, c) =>
      table.rows.some((row) => isNumeric(row.cells[c] ?? { kind: "empty" })),
    );
    const header: TableCell[] = table.columns.map((column, c) => ({
      text: column,
      bold: true,
      alignment: numeric[c] ? "right" : "left",
    }));
    const body: TableCell[][] = [
      header,
      ...table.rows.map((row) =>
        row.cells.map(
          (cell, c): TableCell => ({
            text: pdfText(displayCell(cell, options).trim()),
            alignment: numeric[c] ? "right" : "left",
            bold: row.style === "total" || row.style === "group",
            ...(row.style === "subtotal" ? { italics: true } : {}),
          }),
        ),
      ),
    ];
    content.push(
      { text: pdfText(table.title), style: "title" },
      {
        table: { headerRows: 1, widths: table.columns.map((_, c) => (c === 0 ? "*" : "auto")), body },
        layout: "lightHorizontalLines",
        fontSize: 8,
      },
      ...table.notes.map((note): Content => ({ text: pdfText(note), style: "note" })),
    );
  }
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [30, 30, 30, 30],
    info: { title: options.heading, creator: "Entente" },
    language: options.lang === "fr" ? "fr-FR" : "en-GB",
    content,
    defaultStyle: { font: "Roboto", fontSize: 9 },
    styles: {
      heading: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
      title: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 7, italics: true, margin: [0, 4, 0, 0] },
    },
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: "right",
      margin: [0, 0, 30, 0],
      fontSize: 7,
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
