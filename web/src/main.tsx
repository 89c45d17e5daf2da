import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import { App } from "./app.tsx";
import { createI18n } from "./i18n/i18n.ts";
import "./i18n/i18next-types.ts";
import { SessionProvider } from "./session/session-context.tsx";
import "./styles.css";

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root");
const i18n = createI18n(window.localStorage, document.documentElement);

// A data router (not <BrowserRouter>): useBlocker, which guards unsaved edits, needs one.
// One splat route hands every URL to <App>'s <Routes>.
const router = createBrowserRouter([
  {
    path: "*",
    element: (
      <SessionProvider>
        <App />
      </SessionProvider>
    ),
  },
]);

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>
  </StrictMode>,
);
