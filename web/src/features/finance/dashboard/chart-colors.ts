/** The colours of the dashboard's bars (DSFR palette): sections, what is called, paid and due. */
export const COLORS = {
  investissement: "#000091",
  fonctionnement: "#6a6af4",
  total: "#000091",
  paid: "#18753c",
  due: "#b34000",
};
