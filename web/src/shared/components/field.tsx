import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = {
  id: string;
  label: ReactNode;
  /** The message of this field's last validation error (client or server). */
  error?: string | undefined;
  hint?: ReactNode;
  /** Hides the label visually (tables of inputs, where the column header says it) but keeps it for screen readers. */
  hideLabel?: boolean;
};

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(
    (x): x is string => x !== null,
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Shell({ id, label, error, hint, hideLabel, children }: Common & { children: ReactNode }) {
  return (
    <div className={error === undefined ? "field" : "field field--error"}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : "field__label"}>
        {label}
      </label>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {children}
      {error !== undefined && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled text input with its hint and error tied by aria-describedby. */
export function TextField({
  id,
  label,
  error,
  hint,
  hideLabel = false,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <Shell id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <input
        id={id}
        className="input"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </Shell>
  );
}

/** A labelled multi-line text input, its hint and error tied by aria-describedby. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  hideLabel = false,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <Shell id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <textarea
        id={id}
        className="input"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, error, hint)}
        {...area}
      />
    </Shell>
  );
}

/** A labelled select of `options`, its hint and error tied by aria-describedby. */
export function SelectField({
  id,
  label,
  error,
  hint,
  hideLabel = false,
  options,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
    options: readonly { value: string; label: string }[];
  }) {
  return (
    <Shell id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <select
        id={id}
        className="select"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
