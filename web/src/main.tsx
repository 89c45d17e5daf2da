import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import { App } from "./app.tsx";
import { createI18n } from "./shared/i18n/create-i18n.ts";
import { en } from "./translations/en.ts";
import { fr } from "./translations/fr.ts";
import "./translations/i18next-types.ts";
import { SessionProvider } from "./features/access/index.ts";
import "./styles.css";

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root");
const i18n = createI18n(window.localStorage, document.documentElement, { fr, en });

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
