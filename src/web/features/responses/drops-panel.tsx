// For admins and owners, beside a touchpoint's responses: the submissions of this touchpoint that were
// not stored over the last 30 days, per reason, with what each reason usually means.
import { useEffect, useState } from "react";
import { intlLocales } from "../../../core/i18n/messages.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Callout } from "../../ui/callout.js";
import { Spinner } from "../../ui/page.js";
import { ResponseIcon } from "./response-icons.js";
import { responsesApi, type DropCount } from "./responses-api.js";

export const dropDays = 30;

export function DropsPanel({ orgId, touchpointId }: { orgId: string; touchpointId: string }) {
  const { t, tn, language } = useI18n();
  const [drops, setDrops] = useState<DropCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setDrops(null);
    setError(null);
    responsesApi
      .listDrops(orgId, dropDays)
      .then((answer) => {
        if (!current) return;
        // The server counts every touchpoint of the organisation; this panel is about one.
        setDrops(answer.items.filter((item) => item.touchpointId === touchpointId && item.count > 0).sort((a, b) => b.count - a.count));
      })
      .catch((failure) => current && setError(describeProblem(t, failure)));
    return () => {
      current = false;
    };
    // A change of language must not reload the counts, so `t` is left out.
  }, [orgId, touchpointId]);

  const total = drops?.reduce((sum, item) => sum + item.count, 0) ?? 0;
  return (
    <aside className="panel drops" aria-labelledby="drops-title">
      <div className="panel__header">
        <div>
          <h2 className="panel__title drops__title" id="drops-title">
            <ResponseIcon name="shield" />
            {t("drops.title")}
          </h2>
          <p className="panel__description">{t("drops.description")}</p>
        </div>
      </div>
      <div className="panel__body">
        {error ? (
          <Callout tone="danger">
            {t("drops.loadError")} {error}
          </Callout>
        ) : drops === null ? (
          <Spinner label={t("common.loading")} />
        ) : drops.length === 0 ? (
          <p className="drops__none">{t("drops.none")}</p>
        ) : (
          <>
            <p className="drops__total">{tn("drops.total", total)}</p>
            <ul className="drops__list">
              {drops.map((drop) => (
                <li key={drop.reason} className="drops__item">
                  <span className="drops__reason">{t(`drops.reason.${drop.reason}`)}</span>
                  <span className="drops__count">{new Intl.NumberFormat(intlLocales[language]).format(drop.count)}</span>
                  <span className="drops__text">{t(`drops.reason.${drop.reason}.text`)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
