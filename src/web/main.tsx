// Entry point of the dashboard bundle: styles, providers, the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./ui/styles.css";
import { App } from "./app.js";
import { I18nProvider } from "./i18n.js";
import { SessionProvider } from "./session.js";
import { ToastProvider } from "./ui/toast.js";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);
