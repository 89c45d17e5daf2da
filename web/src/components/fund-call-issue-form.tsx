import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCallIssue, FundCall as FundCallSchema } from "../../../src/finance/contracts/api.ts";
import { apiPaths } from "../api/paths.ts";
import type { FundCall } from "../api/types.ts";
import { useEntente } from "../session/entente-context.tsx";
import { useApi } from "../session/session-context.tsx";
import { TextField } from "./field.tsx";
import { ProblemAlert } from "./problem-alert.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useSubmit } from "./use-submit.ts";

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
      api.send("POST", apiPaths.issueFundCalls(entente.id, year), b, FundCalls),
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
        hint={t("fundCalls.dueOnHint")}
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
