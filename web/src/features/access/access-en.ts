import type { accessFr } from "./access-fr.ts";

/** English strings of sign-in and the console's roles (`signIn.*`, `roles.*`); same keys as the French piece. */
export const accessEn: typeof accessFr = {
  roles: {
    secretariat: "Conference secretariat",
    finance: "Member's finance",
    "mission-lead": "Mission lead",
    reader: "Read only",
  },
  signIn: {
    title: "Sign in",
    email: "Email address",
    password: "Password",
    submit: "Sign in",
    signingIn: "Signing in…",
    expired: "Session expired: sign in again",
  },
};
