// Shows the current organisation and switches to another one (keeping the same page when the role
// allows it), or creates a new one.
import type { Organisation } from "../api.js";
import { useI18n } from "../i18n.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icon.js";
import { Popover } from "../ui/popover.js";

export function OrgSwitcher({ current, organisations, subPath }: { current: Organisation | null; organisations: Organisation[]; subPath: string }) {
  const { t } = useI18n();
  const initial = (current?.name.trim()[0] ?? "?").toUpperCase();
  return (
    <Popover
      triggerClassName="org-switcher"
      trigger={
        <>
          <span className="org-switcher__initial" aria-hidden="true">
            {initial}
          </span>
          <span className="org-switcher__text">
            <span className="visually-hidden">{t("orgSwitcher.label")} </span>
            <span className="org-switcher__name">{current?.name ?? t("orgSwitcher.choose")}</span>
            {current?.role ? <span className="org-switcher__role">{t(`role.${current.role}`)}</span> : null}
          </span>
          <Icon name="chevrons" className="org-switcher__chevron" />
        </>
      }
    >
      {(close) => (
        <>
          <p className="popover__heading">{t("orgSwitcher.heading")}</p>
          <ul className="popover__list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <Link
                  to={`/app/o/${organisation.id}${subPath ? `/${subPath}` : ""}`}
                  className="popover__item"
                  aria-current={organisation.id === current?.id ? "true" : undefined}
                  onClick={close}
                >
                  <span className="popover__item-text">
                    {organisation.name}
                    {organisation.role ? <span className="popover__item-meta">{t(`role.${organisation.role}`)}</span> : null}
                  </span>
                  <Icon name="check" className={organisation.id === current?.id ? "popover__check" : "popover__check is-hidden"} />
                </Link>
              </li>
            ))}
          </ul>
          <div className="popover__separator" />
          <Link to="/app/organisations/new" className="popover__item" onClick={close}>
            <Icon name="plus" />
            <span className="popover__item-text">{t("orgSwitcher.create")}</span>
          </Link>
        </>
      )}
    </Popover>
  );
}
