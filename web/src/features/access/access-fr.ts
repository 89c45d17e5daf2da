/** French strings of sign-in and the console's roles (`signIn.*`, `roles.*`). Every key must exist in the English piece (tsc checks it). */
export const accessFr = {
  roles: {
    secretariat: "Secrétariat de la conférence",
    finance: "Finances du membre",
    "mission-lead": "Porteur de mission",
    reader: "Lecture seule",
  },
  signIn: {
    title: "Connexion",
    email: "Adresse électronique",
    password: "Mot de passe",
    submit: "Se connecter",
    signingIn: "Connexion…",
    expired: "Session expirée : reconnectez-vous",
  },
};
