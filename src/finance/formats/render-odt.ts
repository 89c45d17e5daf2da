import type { RoundingUnit } from "../../shared/money.ts";
import { displayCell, isNumeric } from "./render-text.ts";
import type { Row, Table } from "./table.ts";
import { writeOdfPackage } from "./write-odf-package.ts";

/** A block of a text document: title, heading, paragraph (`strong`: bold), bulleted list, table. */
export type TextBlock =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly strong?: boolean }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly table: Table };

/** Media type of an OpenDocument Text file (ODF 1.3 part 2 §3.3, appendix C). */
export const ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
].join(" ");

// The styles of the document (ODF 1.3 part 3 §16): automatic styles kept in content.xml.
const STYLES = `<office:automatic-styles>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/></style:style>
<style:style style:name="Strong" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Number" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="NumberStrong" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
</office:automatic-styles>`;

// Why no XML library: the document is written, never parsed, from a fixed skeleton; the only
// variable parts are texts, escaped here for element content and attributes (XML 1.0 §2.4).
const escapeXml = (value: string) =>
  value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

const paragraph = (style: string, value: string) =>
  `<text:p text:style-name="${style}">${escapeXml(value)}</text:p>`;

function tableRow(row: Row, unit: RoundingUnit): string {
  const strong = row.style === "total" || row.style === "subtotal" || row.style === "group";
  const cells = row.cells.map((cell) => {
    const style = isNumeric(cell) ? (strong ? "NumberStrong" : "Number") : strong ? "Strong" : "Body";
    return `<table:table-cell table:style-name="Cell" office:value-type="string">${paragraph(style, displayCell(cell, { lang: "fr", unit }))}</table:table-cell>`;
  });
  return `<table:table-row>${cells.join("")}</table:table-row>`;
}

function tableXml(table: Table, unit: RoundingUnit): string {
  const header = table.columns.map(
    (c) =>
      `<table:table-cell table:style-name="Cell" office:value-type="string">${paragraph("Strong", c)}</table:table-cell>`,
  );
  return [
    paragraph("Strong", table.title),
    `<table:table table:name="${escapeXml(table.id)}">`,
    `<table:table-column table:number-columns-repeated="${table.columns.length}"/>`,
    `<table:table-header-rows><table:table-row>${header.join("")}</table:table-row></table:table-header-rows>`,
    ...table.rows.map((row) => tableRow(row, unit)),
    "</table:table>",
    ...table.notes.map((note) => paragraph("Body", note)),
  ].join("");
}

function blockXml(block: TextBlock, unit: RoundingUnit): string {
  switch (block.kind) {
    case "title":
      return paragraph("Title", block.text);
    case "heading":
      return paragraph("Heading", block.text);
    case "paragraph":
      return paragraph(block.strong ? "Strong" : "Body", block.text);
    case "list":
      return `<text:list>${block.items.map((i) => `<text:list-item>${paragraph("Body", i)}</text:list-item>`).join("")}</text:list>`;
    case "table":
      return tableXml(block.table, unit);
  }
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MEDIA_TYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

/**
 * Renders blocks as an OpenDocument Text file (ODF 1.3): `mimetype` (first, stored), `content.xml`
 * and `META-INF/manifest.xml`. Amounts are printed as French text (`305 797`), exactly as the
 * other formats print them. LibreOffice opens it and converts it to PDF (`soffice --convert-to pdf`).
 */
export function renderOdt(blocks: readonly TextBlock[], unit: RoundingUnit): Buffer {
  const body = blocks.map((block) => blockXml(block, unit)).join("\n");
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">${STYLES}<office:body><office:text>
${body}
</office:text></office:body></office:document-content>`;
  return writeOdfPackage(ODT_MEDIA_TYPE, [
    { name: "content.xml", data: Buffer.from(content, "utf8") },
    { name: "META-INF/manifest.xml", data: Buffer.from(MANIFEST, "utf8") },
  ]);
}
