import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { SessionResponse } from "../../../../../src/access/contracts.ts";
import { ApiContext } from "../../../shared/api/api-context.ts";
import { ApiError } from "../../../shared/api/api-error.ts";
import { type ApiClient, createApiClient } from "../../../shared/api/create-api-client.ts";
import type { SessionResponse as Session } from "../account.ts";

/** The session resource of the API: GET reads it, POST signs in, DELETE signs out. */
const SESSION_PATH = "/api/session";

/** Where the session stands: being read, signed out (`expired` after a lost session), or signed in. */
export type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; expired: boolean }
  | { status: "signed-in"; session: Session };

type SessionValue = {
  state: SessionState;
  api: ApiClient;
  /** Signs in; rejects with an ApiError (wrong credentials, locked account, invalid input). */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the cookie session and the API client that sends its CSRF token. */
export function SessionProvider({
  children,
  fetcher = fetch,
}: {
  children: ReactNode;
  fetcher?: typeof fetch;
}) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const csrf = useRef<string | null>(null);
  const language = useRef(i18n.language);
  language.current = i18n.language;

  const api = useMemo(
    () =>
      createApiClient({
        fetch: (input, init) => fetcher(input, init),
        csrfToken: () => csrf.current,
        language: () => language.current,
        onUnauthorized: () => {
          if (csrf.current === null) return;
          csrf.current = null;
          setState({ status: "signed-out", expired: true });
        },
      }),
    [fetcher],
  );

  useEffect(() => {
    const controller = new AbortController();
    api.get(SESSION_PATH, SessionResponse, controller.signal).then(
      (session) => {
        csrf.current = session.csrfToken;
        setState({ status: "signed-in", session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // 401: no session yet. Anything else (server down) also lands on the sign-in page,
        // which will show the real error when the person tries to sign in.
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setState({ status: "signed-out", expired: false });
      },
    );
    return () => controller.abort();
  }, [api]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await api.send("POST", SESSION_PATH, { email, password }, SessionResponse);
      csrf.current = session.csrfToken;
      setState({ status: "signed-in", session });
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.send("DELETE", SESSION_PATH, undefined, null);
    } finally {
      csrf.current = null;
      setState({ status: "signed-out", expired: false });
    }
  }, [api]);

  const value = useMemo(() => ({ state, api, signIn, signOut }), [state, api, signIn, signOut]);
  return (
    <SessionContext value={value}>
      <ApiContext value={api}>{children}</ApiContext>
    </SessionContext>
  );
}

/** The session, its API client, sign-in and sign-out; only under {@link SessionProvider}. */
export function useSessionContext(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSessionContext outside <SessionProvider>");
  return value;
}

/** The signed-in account; only for components under the signed-in routes. */
export function useAccount() {
  const { state } = useSessionContext();
  if (state.status !== "signed-in") throw new Error("useAccount outside a signed-in route");
  return state.session.account;
}
