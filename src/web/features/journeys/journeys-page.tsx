// The organisation's journeys: each with its size and moments of truth, opened as a board. Admins
// create (from a template or blank), import, duplicate, export and archive (with undo); everyone else reads.
import { useCallback, useEffect, useState } from "react";
import { roleCan } from "../../../core/roles.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { Icon } from "../../ui/icon.js";
import { EmptyState, PageHeader, Spinner } from "../../ui/page.js";
import { Popover } from "../../ui/popover.js";
import { useToast } from "../../ui/toast.js";
import { BoardIcon } from "./board-icons.js";
import { downloadJourney } from "./export-journey.js";
import { ImportJourneyDialog } from "./import-journey-dialog.js";
import { UndoBar, type Undoable } from "./journey-ui.js";
import { journeysApi, type JourneySummary } from "./journeys-api.js";
import "./journeys.css";

export function JourneysPage({ organisation }: OrgPageProps) {
  const { t, tn } = useI18n();
  const toast = useToast();
  const canEdit = organisation.role !== null && roleCan(organisation.role, "configure");
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [archiving, setArchiving] = useState<JourneySummary | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const clearUndo = useCallback(() => setUndoable(null), []);

  const load = useCallback(async () => {
    try {
      const { items } = await journeysApi.list(organisation.id, { includeArchived: true });
      setJourneys(items);
      setLoadError(null);
    } catch (error) {
      setLoadError(describeProblem(t, error));
    }
    // `t` is left out on purpose: a change of language must not reload the list.
  }, [organisation.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<void>) => {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(describeProblem(t, error));
    }
  };

  const duplicate = (journey: JourneySummary) =>
    act(async () => {
      const copy = await journeysApi.duplicate(organisation.id, journey.id);
      toast(t("journeys.duplicated", { name: copy.name }));
      await load();
    });

  const restore = (journey: JourneySummary) =>
    act(async () => {
      await journeysApi.restore(organisation.id, journey.id);
      toast(t("journeys.restored", { name: journey.name }));
      await load();
    });

  const archive = async () => {
    if (!archiving) return;
    const journey = archiving;
    await journeysApi.archive(organisation.id, journey.id);
    await load();
    setUndoable({
      message: t("journeys.archived", { name: journey.name }),
      undo: async () => {
        await journeysApi.restore(organisation.id, journey.id);
        toast(t("journeys.restored", { name: journey.name }));
        await load();
      },
    });
  };

  if (loadError) {
    return (
      <>
        <PageHeader title={t("nav.journeys")} />
        <Callout tone="danger">{loadError}</Callout>
      </>
    );
  }
  if (!journeys) return <Spinner label={t("common.loading")} />;

  const live = journeys.filter((j) => j.archivedAt === null);
  const archived = journeys.filter((j) => j.archivedAt !== null);

  return (
    <div className="journeys-page">
      <PageHeader
        title={t("nav.journeys")}
        description={t("journeys.description")}
        actions={
          canEdit ? (
            <>
              <Button icon={undefined} onClick={() => setImporting(true)}>
                <BoardIcon name="upload" />
                {t("journeys.import")}
              </Button>
              <Link to={orgPath(organisation.id, "journeys/new")} className="button button--primary">
                <Icon name="plus" />
                {t("journeys.new")}
              </Link>
            </>
          ) : null
        }
      />
      {!canEdit ? <Callout tone="info">{t("journeys.readOnly")}</Callout> : null}
      {actionError ? <Callout tone="danger">{actionError}</Callout> : null}

      {live.length === 0 ? (
        <div className="journeys-empty">
          <EmptyState icon={<Icon name="route" size={22} />} title={t("journeys.empty.title")}>
            <p>{canEdit ? t("journeys.empty.text") : t("journeys.empty.readOnly")}</p>
            {canEdit ? (
              <Link to={orgPath(organisation.id, "journeys/new")} className="button button--primary">
                <Icon name="plus" />
                {t("journeys.new")}
              </Link>
            ) : null}
          </EmptyState>
        </div>
      ) : (
        <section aria-labelledby="journeys-list-title">
          <h2 id="journeys-list-title" className="visually-hidden">
            {tn("journeys.count", live.length)}
          </h2>
          <ul className="journey-cards">
            {live.map((journey) => (
              <li key={journey.id}>
                <JourneyCard
                  journey={journey}
                  orgId={organisation.id}
                  canEdit={canEdit}
                  onDuplicate={() => void duplicate(journey)}
                  onExport={() => void act(() => downloadJourney(organisation.id, journey.id, journey.name))}
                  onArchive={() => setArchiving(journey)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {archived.length > 0 ? (
        <section className="journeys-archived" aria-labelledby="journeys-archived-title">
          <button type="button" className="journeys-archived__toggle" aria-expanded={showArchived} onClick={() => setShowArchived((v) => !v)}>
            <Icon name="chevronRight" className="journeys-archived__chevron" />
            <span id="journeys-archived-title">{t("journeys.archivedTitle")}</span>
            <span className="badge badge--muted">{archived.length}</span>
          </button>
          {showArchived ? (
            <ul className="journeys-archived__list">
              {archived.map((journey) => (
                <ArchivedRow key={journey.id} journey={journey} canEdit={canEdit} onRestore={() => void restore(journey)} />
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <ImportJourneyDialog open={importing} organisation={organisation} onClose={() => setImporting(false)} />
      <ConfirmDialog
        open={archiving !== null}
        onClose={() => setArchiving(null)}
        title={t("journeys.archiveTitle", { name: archiving?.name ?? "" })}
        description={t("journeys.archiveText")}
        confirmLabel={t("journeys.archive")}
        onConfirm={archive}
        describeError={(error) => describeProblem(t, error)}
      />
      <UndoBar item={undoable} onDone={clearUndo} />
    </div>
  );
}

/** "Hace un momento" reads "Actualizado hace un momento" inside a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

function ArchivedRow({ journey, canEdit, onRestore }: { journey: JourneySummary; canEdit: boolean; onRestore(): void }) {
  const { t, formatRelative, formatDateTime } = useI18n();
  return (
    <li className="journeys-archived__row">
      <span className="journeys-archived__name">{journey.name}</span>
      <span className="journeys-archived__when" title={formatDateTime(journey.archivedAt!)}>
        {t("journeys.archivedOn", { when: lowerFirst(formatRelative(journey.archivedAt!)) })}
      </span>
      {canEdit ? (
        <Button size="sm" variant="ghost" onClick={onRestore}>
          <BoardIcon name="undo" />
          {t("journeys.restore")}
          <span className="visually-hidden"> {journey.name}</span>
        </Button>
      ) : null}
    </li>
  );
}

function JourneyCard({
  journey,
  orgId,
  canEdit,
  onDuplicate,
  onExport,
  onArchive,
}: {
  journey: JourneySummary;
  orgId: string;
  canEdit: boolean;
  onDuplicate(): void;
  onExport(): void;
  onArchive(): void;
}) {
  const { t, tn, formatRelative, formatDateTime } = useI18n();
  return (
    <article className="journey-card">
      <div className="journey-card__top">
        <span className="journey-card__icon" aria-hidden="true">
          <Icon name="route" size={18} />
        </span>
        <Popover
          align="end"
          triggerClassName="icon-button journey-card__menu"
          triggerLabel={t("journeys.menu", { name: journey.name })}
          trigger={<BoardIcon name="more" size={18} />}
        >
          {(close) => (
            <>
              {canEdit ? (
                <button
                  type="button"
                  className="popover__item"
                  onClick={() => {
                    close();
                    onDuplicate();
                  }}
                >
                  <Icon name="copy" />
                  <span className="popover__item-text">{t("journeys.duplicate")}</span>
                </button>
              ) : null}
              <button
                type="button"
                className="popover__item"
                onClick={() => {
                  close();
                  onExport();
                }}
              >
                <BoardIcon name="download" />
                <span className="popover__item-text">{t("journeys.export")}</span>
              </button>
              {canEdit ? (
                <>
                  <div className="popover__separator" />
                  <button
                    type="button"
                    className="popover__item"
                    onClick={() => {
                      close();
                      onArchive();
                    }}
                  >
                    <BoardIcon name="archive" />
                    <span className="popover__item-text">{t("journeys.archive")}</span>
                  </button>
                </>
              ) : null}
            </>
          )}
        </Popover>
      </div>
      <h3 className="journey-card__title">
        <Link to={orgPath(orgId, `journeys/${journey.id}`)} className="journey-card__link">
          {journey.name}
        </Link>
      </h3>
      {journey.description ? <p className="journey-card__description">{journey.description}</p> : null}
      {journey.persona ? (
        <p className="journey-card__persona">
          <BoardIcon name="persona" size={14} />
          {t("journeys.persona", { name: journey.persona.name })}
        </p>
      ) : null}
      <ul className="journey-card__counts">
        <li>{tn("journeys.stages", journey.counts.stages)}</li>
        <li>{tn("journeys.touchpoints", journey.counts.touchpoints)}</li>
        {journey.counts.momentsOfTruth > 0 ? (
          <li className="journey-card__mot">
            <BoardIcon name="star" size={12} filled />
            {tn("journeys.momentsOfTruth", journey.counts.momentsOfTruth)}
          </li>
        ) : null}
      </ul>
      <p className="journey-card__updated" title={formatDateTime(journey.updatedAt)}>
        {t("journeys.updated", { when: lowerFirst(formatRelative(journey.updatedAt)) })}
      </p>
    </article>
  );
}
