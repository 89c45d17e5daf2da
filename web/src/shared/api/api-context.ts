import { createContext, useContext } from "react";
import type { ApiClient } from "./create-api-client.ts";

/**
 * The API client of the console, provided by whoever holds the session (the access feature's
 * SessionProvider sends its CSRF token with every write). Shared code reads it with {@link useApi}
 * without knowing how the session is kept.
 */
export const ApiContext = createContext<ApiClient | null>(null);

/** The console's API client; only under the provider of {@link ApiContext}. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (api === null) throw new Error("useApi outside <ApiContext>");
  return api;
}
