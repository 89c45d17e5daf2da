import type { Ref } from "react";
import { SubmitButton } from "./submit-button.tsx";

/**
 * The closing row of a confirmation dialog: the dangerous action (submits the dialog's form) and
 * the harmless one that keeps things as they are. Both wait while the request runs.
 */
export function DialogActions({
  saving,
  confirm,
  confirming,
  keep,
  onKeep,
  keepRef,
}: {
  saving: boolean;
  /** The confirm button's text, and what it says while the request runs. */
  confirm: string;
  confirming: string;
  keep: string;
  onKeep: () => void;
  /** The keep button, for a dialog that starts there. */
  keepRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="actions">
      <SubmitButton
        saving={saving}
        label={confirm}
        savingLabel={confirming}
        className="button button--danger"
      />
      <button
        ref={keepRef}
        type="button"
        className="button button--secondary"
        disabled={saving}
        onClick={onKeep}
      >
        {keep}
      </button>
    </div>
  );
}
