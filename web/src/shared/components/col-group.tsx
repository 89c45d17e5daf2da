/** The widths of a form table's columns: one `<col>` a class name (none for the flexible column). */
export function ColGroup({ classes }: { classes: readonly (string | undefined)[] }) {
  return (
    <colgroup>
      {classes.map((c, i) => (
        // the columns never move: their position is their identity
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed list
        <col key={i} className={c} />
      ))}
    </colgroup>
  );
}
