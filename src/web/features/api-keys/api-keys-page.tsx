// The organisation's API keys (admins and owners): create one with a name and a scope (the key is
// shown once), see when each was last used, revoke one.
import { useCallback, useEffect, useState } from "react";
import { api, type ApiKey } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import type { OrgPageProps } from "../../routes.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { Icon } from "../../ui/icon.js";
import { EmptyState, PageHeader, Panel, Spinner } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { CreateApiKeyDialog } from "./create-api-key-dialog.js";

export function ApiKeysPage({ organisation }: OrgPageProps) {
  const { t, tn, formatDate, formatRelative, formatDateTime } = useI18n();
  const toast = useToast();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const load = useCallback(async () => {
    try {
      setKeys((await api.listApiKeys(organisation.id)).items);
      setLoadError(null);
    } catch (error) {
      setLoadError(describeProblem(t, error));
    }
    // A change of language must not reload the list, so `t` is left out.
  }, [organisation.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const createButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      {t("apiKeys.create")}
    </Button>
  );

  let body;
  if (loadError) body = <Callout tone="danger">{loadError}</Callout>;
  else if (!keys) body = <Spinner label={t("common.loading")} />;
  else if (keys.length === 0) {
    body = (
      <Panel>
        <EmptyState icon={<Icon name="key" size={22} />} title={t("apiKeys.empty")}>
          <p>{t("apiKeys.emptyText")}</p>
          {createButton}
        </EmptyState>
      </Panel>
    );
  } else {
    const active = keys.filter((key) => !key.revokedAt).length;
    body = (
      <Panel title={t("apiKeys.listTitle")} description={tn("apiKeys.count", active)} labelledBy="api-keys-title" flush>
        <table className="table">
          <caption className="visually-hidden">{t("apiKeys.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("apiKeys.column.name")}</th>
              <th scope="col">{t("apiKeys.column.key")}</th>
              <th scope="col">{t("apiKeys.column.scope")}</th>
              <th scope="col">{t("apiKeys.column.created")}</th>
              <th scope="col">{t("apiKeys.column.lastUsed")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className={key.revokedAt ? "is-revoked" : undefined}>
                <td className="table__strong">{key.name}</td>
                <td>
                  <code className="code">{key.prefix}…</code>
                </td>
                <td>
                  <span className={`badge badge--scope-${key.scope}`}>{t(`apiKeys.scope.${key.scope}`)}</span>
                </td>
                <td className="table__muted">{formatDate(key.createdAt)}</td>
                <td className="table__muted">
                  {key.lastUsedAt ? <time dateTime={key.lastUsedAt} title={formatDateTime(key.lastUsedAt)}>{formatRelative(key.lastUsedAt)}</time> : t("apiKeys.neverUsed")}
                </td>
                <td className="table__actions">
                  {key.revokedAt ? (
                    <span className="badge badge--muted">{t("apiKeys.revoked", { date: formatDate(key.revokedAt) })}</span>
                  ) : (
                    <Button size="sm" variant="ghost" onClick={() => setRevoking(key)}>
                      {t("apiKeys.revoke")}
                      <span className="visually-hidden"> {key.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    );
  }

  return (
    <>
      <PageHeader title={t("nav.apiKeys")} description={t("apiKeys.description")} actions={keys && keys.length > 0 ? createButton : null} />
      {body}
      <p className="page-note">
        <Icon name="info" size={14} />
        <span>
          {t("apiKeys.usage")} <code className="code">Authorization: Bearer mk_…</code> ·{" "}
          <a href="/api/docs">{t("shell.apiDocs")}</a>
        </span>
      </p>
      <CreateApiKeyDialog open={creating} organisation={organisation} onClose={() => setCreating(false)} onCreated={() => void load()} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t("apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("apiKeys.revokeText")}
        confirmLabel={t("apiKeys.revoke")}
        onConfirm={async () => {
          if (!revoking) return;
          await api.revokeApiKey(organisation.id, revoking.id);
          toast(t("apiKeys.revokedToast", { name: revoking.name }));
          await load();
        }}
        describeError={(error) => describeProblem(t, error)}
      />
    </>
  );
}
