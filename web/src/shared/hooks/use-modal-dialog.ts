import { useEffect, useRef } from "react";

/**
 * A native <dialog> shown as a modal while the component is mounted (the browser keeps the focus
 * inside and closes it on Escape), closed when it unmounts. `focusFirst` puts the focus where the
 * dialog starts, once it is open: the field to fill, or the harmless choice.
 * @returns the ref to give the <dialog>.
 */
export function useModalDialog(focusFirst: (dialog: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef(focusFirst);
  first.current = focusFirst;
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (!element.open) element.showModal();
    first.current(element);
    return () => {
      if (element.open) element.close();
    };
  }, []);
  return dialog;
}
