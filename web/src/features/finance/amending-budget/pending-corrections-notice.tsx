import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { appPath } from "../../../shared/app-path.ts";
import { Euros } from "../../../shared/components/amount.tsx";

/**
 * On the dashboard, when an adopted amending budget's complementary calls or reductions are not
 * issued yet: what they will change in all (Σ pending), so that « Appelé » — what was issued —
 * does not read as the amended figure. Nothing otherwise.
 */
export function PendingCorrectionsNotice({
  ententeId,
  year,
  pending,
}: {
  ententeId: string;
  year: number;
  pending: readonly string[];
}) {
  useTranslation();
  if (pending.every((p) => Number(p) === 0)) return null;
  return (
    <p className="hint" role="note">
      <Trans
        i18nKey="amending.pendingNotice"
        values={{ year }}
        components={{
          amount: <Euros value={sumEuros([...pending])} />,
          page: <Link to={`${appPath(ententeId, "amending-budget")}?year=${year}`} />,
        }}
      />
    </p>
  );
}
