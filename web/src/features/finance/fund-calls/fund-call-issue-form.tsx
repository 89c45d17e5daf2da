import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCallIssue, FundCall as FundCallSchema } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";

const FundCalls = FundCallSchema.array();

/** Issues the year's fund calls, one per member, from the computed figures. */
export function FundCallIssueForm({
  year,
  onIssued,
}: {
  year: number;
  onIssued: (calls: FundCall[]) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [dueOn, setDueOn] = useState("");
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const issued = await submit.run(FundCallIssue, { dueOn: dueOn === "" ? null : dueOn }, (b) =>
      api.send("POST", financePaths.issueFundCalls(entente.id, year), b, FundCalls),
    );
    if (issued !== undefined) onIssued(issued);
  };
  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 className="h3">{t("fundCalls.issueTitle", { year })}</h2>
      <p className="hint">{t("fundCalls.issueHint")}</p>
      <ProblemAlert error={submit.error} shownFields={(f) => f === "dueOn"} />
      <TextField
        id="fund-call-due-on"
        label={t("fundCalls.dueOn")}
        hint={t("fundCalls.dueOnRequiredHint")}
        type="date"
        value={dueOn}
        onChange={(e) => {
          submit.reset();
          setDueOn(e.target.value);
        }}
        error={submit.fieldError("dueOn")}
      />
      <SubmitButton saving={submit.saving} label={t("fundCalls.issue", { year })} />
    </form>
  );
}
