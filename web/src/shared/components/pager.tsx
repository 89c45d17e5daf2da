/**
 * The two buttons that page through a long list (« Plus récents » / « Plus anciens »,
 * « Précédent » / « Suivant »), in a navigation landmark named `label`; a button is disabled at
 * its end of the list.
 */
export function Pager({
  label,
  back,
  forward,
}: {
  label: string;
  /** The button to the previous page: its text, whether there is one, what it does. */
  back: { text: string; enabled: boolean; go: () => void };
  forward: { text: string; enabled: boolean; go: () => void };
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--secondary" disabled={!back.enabled} onClick={back.go}>
        {back.text}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!forward.enabled}
        onClick={forward.go}
      >
        {forward.text}
      </button>
    </nav>
  );
}
