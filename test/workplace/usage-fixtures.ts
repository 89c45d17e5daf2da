import { readFileSync } from "node:fs";
import { LYON } from "../helpers/run-cli.ts";

/** The Lyon example with a mission spécifique « stockage » on its own operating key, 12 000 € in 2023. */
export function lyonWithStorageText(): string {
  const text = readFileSync(LYON, "utf8")
    .replace(
      "\nmissions:\n",
      `  - id: stockage
    label: Clé du stockage partagé
    weights:
      metropole: 1
      ville-lyon: 1
      sitiv: 1

missions:
  - id: stockage
    name: Stockage partagé
    kind: specifique
    lead: sitiv
    members: [metropole, ville-lyon, sitiv]
    keys:
      investissement: socle
      fonctionnement: stockage
`,
    )
    .replace(
      "        fonctionnement: 544176\n",
      `        fonctionnement: 544176
      - kind: contribution
        mission: stockage
        label: Contribution au stockage partagé
        fonctionnement: 12000
`,
    )
    .replace(
      "    receipts:\n      - kind: carry-over\n        label: Report 2022\n",
      `      - mission: stockage
        label: Stockage partagé
        fonctionnement: 12000
    receipts:
      - kind: carry-over
        label: Report 2022
`,
    );
  return text;
}
