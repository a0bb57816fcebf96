// The frame of the screens before the dashboard: setup, sign-in and invitations.
import { useEffect, type ReactNode } from "react";
import { useI18n } from "../i18n.js";
import { Wordmark } from "../ui/brand.js";
import { LanguageSwitch } from "./language-switch.js";

export function AuthLayout({ title, subtitle, children, wide = false }: { title: string; subtitle?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · Momentos`;
  }, [title]);
  return (
    <div className="auth">
      <header className="auth__header">
        <Wordmark />
        <LanguageSwitch />
      </header>
      <main className="auth__main" id="main">
        <div className={wide ? "auth__card auth__card--wide" : "auth__card"}>
          <h1 className="auth__title">{title}</h1>
          {subtitle ? <p className="auth__subtitle">{subtitle}</p> : null}
          {children}
        </div>
      </main>
      <footer className="auth__footer">
        <p>{t("auth.footer")}</p>
      </footer>
    </div>
  );
}
