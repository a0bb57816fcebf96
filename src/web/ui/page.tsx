// The frame of a page inside the shell: its title (h1, focused after navigation), a line of
// explanation and its main actions; and panels (cards) that group what a page shows.
import { useEffect, type ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Momentos`;
  }, [title]);
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title" tabIndex={-1} data-page-title>
          {title}
        </h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

export function Panel({
  title,
  description,
  actions,
  children,
  flush = false,
  labelledBy,
}: {
  title?: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** No inner padding: for tables that run to the panel's edges. */
  flush?: boolean;
  labelledBy?: string;
}) {
  return (
    <section className="panel" aria-labelledby={labelledBy}>
      {title ? (
        <div className="panel__header">
          <div>
            <h2 className="panel__title" id={labelledBy}>
              {title}
            </h2>
            {description ? <p className="panel__description">{description}</p> : null}
          </div>
          {actions ? <div className="panel__actions">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? "panel__body panel__body--flush" : "panel__body"}>{children}</div>
    </section>
  );
}

/** A settings block: what it is about on the left, the form on a card on the right (stacks on small screens). */
export function SettingsSection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <div className="settings-section__text">
        <h2 id={id} className="settings-section__title">
          {title}
        </h2>
        {description ? <p className="settings-section__description">{description}</p> : null}
      </div>
      <div className="settings-section__card">{children}</div>
    </section>
  );
}

export function EmptyState({ icon, title, children }: { icon: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon">{icon}</div>
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__text">{children}</div> : null}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
