// The signed-in frame: sidebar (wordmark, organisation switcher, navigation), top bar (where you
// are, language, user menu) and the main region. Moves focus to the page title after navigation.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Organisation } from "../api.js";
import { useI18n } from "../i18n.js";
import { Link, useLocation } from "../router.js";
import { mayOpen, navSections, orgPages, orgPath } from "../routes.js";
import { useSignedIn } from "../session.js";
import { Wordmark } from "../ui/brand.js";
import { Icon } from "../ui/icon.js";
import { LanguageSwitch } from "./language-switch.js";
import { OrgSwitcher } from "./org-switcher.js";
import { UserMenu } from "./user-menu.js";

export function Shell({ organisation, subPath = "", crumb, children }: { organisation: Organisation | null; subPath?: string; crumb?: string; children: ReactNode }) {
  const { t } = useI18n();
  const { organisations } = useSignedIn();
  const { path } = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const firstRender = useRef(true);

  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>("[data-page-title]")?.focus({ preventScroll: false });
  }, [path]);

  return (
    <div className={navOpen ? "app is-nav-open" : "app"}>
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <aside className="sidebar" id="sidebar" aria-label={t("shell.sidebar")}>
        <div className="sidebar__brand">
          <Link to={organisation ? orgPath(organisation.id) : "/app/"} className="sidebar__home">
            <Wordmark />
          </Link>
        </div>
        <OrgSwitcher current={organisation} organisations={organisations} subPath={subPath} />
        <nav className="sidebar__nav" aria-label={t("shell.navigation")}>
          {organisation
            ? navSections.map((section) => {
                const pages = orgPages.filter((page) => page.nav?.section === section.id && mayOpen(organisation.role, page));
                if (pages.length === 0) return null;
                return (
                  <div className="nav-group" key={section.id}>
                    {section.label ? <p className="nav-group__label">{t(section.label)}</p> : null}
                    <ul className="nav-group__list">
                      {pages.map((page) => {
                        const href = orgPath(organisation.id, page.path);
                        const current = page.path === "" ? path === href : path === href || path.startsWith(`${href}/`);
                        return (
                          <li key={page.path}>
                            <Link to={href} className="nav-link" aria-current={current ? "page" : undefined}>
                              <Icon name={page.nav!.icon} size={18} />
                              {t(page.title)}
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })
            : null}
          <div className="nav-group">
            <p className="nav-group__label">{t("nav.section.you")}</p>
            <ul className="nav-group__list">
              <li>
                <Link to="/app/account" className="nav-link" aria-current={path === "/app/account" ? "page" : undefined}>
                  <Icon name="user" size={18} />
                  {t("nav.account")}
                </Link>
              </li>
            </ul>
          </div>
        </nav>
        <div className="sidebar__footer">
          <a className="sidebar__docs" href="/api/docs">
            <Icon name="link" size={14} />
            {t("shell.apiDocs")}
          </a>
        </div>
      </aside>
      <div className="sidebar-scrim" aria-hidden="true" onClick={() => setNavOpen(false)} />
      <div className="workspace">
        <header className="topbar">
          <button
            type="button"
            className="icon-button topbar__menu"
            aria-expanded={navOpen}
            aria-controls="sidebar"
            onClick={() => setNavOpen((open) => !open)}
          >
            <Icon name="menu" size={20} label={t("shell.openNavigation")} />
          </button>
          <nav className="breadcrumb" aria-label={t("shell.breadcrumb")}>
            <ol>
              {organisation ? (
                <li>
                  <Link to={orgPath(organisation.id)}>{organisation.name}</Link>
                </li>
              ) : null}
              {crumb ? (
                <li aria-current="page">
                  <span>{crumb}</span>
                </li>
              ) : null}
            </ol>
          </nav>
          <div className="topbar__actions">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </header>
        <main className="main" id="main" tabIndex={-1}>
          <div className="main__inner">{children}</div>
        </main>
      </div>
    </div>
  );
}
