import pdfmake from "pdfmake";
import type { RoundingUnit } from "../../shared/money.ts";
import type { TextBlock } from "./render-odt.ts";
// render-pdf.ts sets pdfmake's fonts (Roboto, shipped with pdfmake) and its access policies.
import "./render-pdf.ts";
import { displayCell, isNumeric } from "./render-text.ts";
import type { Table } from "./table.ts";

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type Content = TDocumentDefinitions["content"] extends infer C
  ? C extends readonly (infer I)[]
    ? I
    : C
  : never;

/** Roboto has no narrow no-break space (U+202F, French grouping): the no-break space stands in. */
const pdfText = (value: string) => value.replace(/\u202f/g, "\u00a0");

function tableContent(table: Table, unit: RoundingUnit): Content[] {
  const numeric = table.columns.map((_, c) =>
    table.rows.some((row) => isNumeric(row.cells[c] ?? { kind: "empty" })),
  );
  const header = table.columns.map((column, c) => ({
    text: column,
    bold: true,
    alignment: numeric[c] ? ("right" as const) : ("left" as const),
  }));
  const body = table.rows.map((row) =>
    row.cells.map((cell, c) => ({
      text: pdfText(displayCell(cell, { lang: "fr", unit }).trim()),
      alignment: numeric[c] ? ("right" as const) : ("left" as const),
      bold: row.style === "total" || row.style === "group",
    })),
  );
  return [
    { text: pdfText(table.title), style: "title" },
    {
      table: {
        headerRows: 1,
        widths: table.columns.map((_, c) => (c === 0 ? "*" : "auto")),
        body: [header, ...body],
      },
      layout: "lightHorizontalLines",
      fontSize: 8,
    },
    ...table.notes.map((note) => ({ text: pdfText(note), style: "note" })),
  ];
}

function blockContent(block: TextBlock, unit: RoundingUnit): Content[] {
  switch (block.kind) {
    case "title":
      return [{ text: pdfText(block.text), style: "heading" }];
    case "heading":
      return [{ text: pdfText(block.text), style: "title" }];
    case "paragraph":
      return [{ text: pdfText(block.text), bold: block.strong === true, margin: [0, 0, 0, 4] }];
    case "list":
      return [{ ul: block.items.map(pdfText), margin: [0, 0, 0, 4] }];
    case "table":
      return tableContent(block.table, unit);
  }
}

/**
 * Renders the blocks of a text document (a deliberation draft) as an A4 portrait PDF with
 * pdfmake: the same blocks, in the same order, as the ODT (render-odt.ts), amounts printed the
 * same way (French grouping, whole euros or cents by the entente's rounding unit).
 */
export async function renderBlocksPdf(
  blocks: readonly TextBlock[],
  options: { readonly unit: RoundingUnit; readonly title: string },
): Promise<Buffer> {
  const definition = {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 40],
    info: { title: options.title, creator: "Entente" },
    language: "fr-FR",
    content: blocks.flatMap((block) => blockContent(block, options.unit)),
    defaultStyle: { font: "Roboto", fontSize: 10 },
    styles: {
      heading: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
      title: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 7, italics: true, margin: [0, 4, 0, 0] },
    },
  } satisfies TDocumentDefinitions;
  return pdfmake.createPdf(definition).getBuffer();
}
