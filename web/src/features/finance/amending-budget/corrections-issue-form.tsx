import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCallCorrectionsIssue } from "../../../../../src/finance/contracts/amending-api.ts";
import { FundCall as FundCallSchema } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { TextField } from "../../../shared/components/field.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";

const FundCalls = FundCallSchema.array();

/** The corrections issued for `budgetNumber`: one row per complementary call or reduction. */
function IssuedCorrections({
  calls,
  year,
  budgetNumber,
}: {
  calls: FundCall[];
  year: number;
  budgetNumber: number;
}) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  const rows = calls.flatMap((c) =>
    c.corrections
      .filter((x) => x.budgetYear === year && x.budgetNumber === budgetNumber)
      .map((x) => ({ call: c, x })),
  );
  return (
    <>
      <p role="status">{t("amending.issued", { count: rows.length })}</p>
      <CaptionedTable caption={t("amending.issueTitle")} className="table" id="amending-corrections">
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            <th scope="col">{t("amending.reference")}</th>
            <th scope="col">{t("amending.kind")}</th>
            <NumHeader>{t("amending.amount")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ call, x }) => (
            <tr key={x.id}>
              <th scope="row">{memberName(call.memberId)}</th>
              <td>{x.reference}</td>
              <td>{t(x.kind === "complementary" ? "amending.complementary" : "amending.reduction")}</td>
              <EurosCell value={x.amount} strong />
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </>
  );
}

/** Issues the adopted amending budget's complementary calls and reductions (issued calls never change). */
export function CorrectionsIssueForm({ year, budgetNumber }: { year: number; budgetNumber: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [dueOn, setDueOn] = useState("");
  const [issued, setIssued] = useState<FundCall[] | undefined>(undefined);
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const calls = await submit.run(FundCallCorrectionsIssue, { dueOn: dueOn === "" ? null : dueOn }, (b) =>
      api.send("POST", financePaths.fundCallCorrections(entente.id, year), b, FundCalls),
    );
    if (calls !== undefined) setIssued(calls);
  };
  if (issued !== undefined)
    return <IssuedCorrections calls={issued} year={year} budgetNumber={budgetNumber} />;
  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 className="h3">{t("amending.issueTitle")}</h2>
      <p className="hint">{t("amending.issueHint")}</p>
      <ProblemAlert error={submit.error} shownFields={(f) => f === "dueOn"} />
      <TextField
        id="corrections-due-on"
        label={t("fundCalls.dueOn")}
        hint={t("fundCalls.dueOnHint")}
        type="date"
        value={dueOn}
        onChange={(e) => {
          submit.reset();
          setDueOn(e.target.value);
        }}
        error={submit.fieldError("dueOn")}
      />
      <SubmitButton saving={submit.saving} label={t("amending.issue")} />
    </form>
  );
}
