/** The errors of a group of fields (a fieldset), listed under it; nothing when there are none. */
export function FieldErrorList({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field__error-list">
      {messages.map((message) => (
        <li key={message} className="field__error">
          {message}
        </li>
      ))}
    </ul>
  );
}
