// One journey as a board: its header (name, persona, scope, settings, history, export), filters
// (moments of truth, my touchpoints), the board, and the editors. Every change redraws from the
// server; removals can be undone from the undo bar. Readers and analysts get the same page read-only.
import { useCallback, useEffect, useMemo, useState } from "react";
import { roleCan } from "../../../core/roles.js";
import type { UpdateTouchpointInput } from "../../../core/journeys/model.js";
import { api, type Member } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { useSignedIn } from "../../session.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Icon } from "../../ui/icon.js";
import { EmptyState, PageHeader, Spinner } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { BoardIcon } from "./board-icons.js";
import { downloadJourney } from "./export-journey.js";
import { HistoryDrawer } from "./history-drawer.js";
import { JourneyBoard, type BoardActions } from "./journey-board.js";
import { JourneySettingsDialog } from "./journey-settings-dialog.js";
import { UndoBar, type Undoable } from "./journey-ui.js";
import { journeysApi, type Journey, type Stage, type Touchpoint } from "./journeys-api.js";
import { StageDialog } from "./stage-dialog.js";
import { touchpointFormPath } from "../forms/form-page.js";
import { TouchpointEditor } from "./touchpoint-editor.js";
import { HeatmapControls, useHeat, useJourneyScores, type HeatScore } from "./journey-board-heatmap.js";
import { useFilters } from "../insights/filters.js";
import "./journeys.css";
import "../insights/insights.css";

type Editing = { stage: Stage; touchpoint: Touchpoint | null } | null;

export function JourneyBoardPage({ organisation, params }: OrgPageProps) {
  const { t, tn } = useI18n();
  const { user } = useSignedIn();
  const toast = useToast();
  const journeyId = params.journeyId!;
  const orgId = organisation.id;
  const canEdit = organisation.role !== null && roleCan(organisation.role, "configure");

  const [journey, setJourney] = useState<Journey | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [onlyMoments, setOnlyMoments] = useState(false);
  const [onlyMine, setOnlyMine] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [stageDialog, setStageDialog] = useState<{ stage: Stage | null } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const clearUndo = useCallback(() => setUndoable(null), []);
  const { filters, setFilters } = useFilters();
  const [heatScore, setHeatScore] = useState<HeatScore>("nps");
  const scoresVersion = journey ? `${journey.updatedAt}:${journey.stages.map((s) => `${s.id}:${s.touchpoints.map((tp) => tp.id).join(",")}`).join("|")}` : "";
  const { scores, failed: scoresFailed } = useJourneyScores(orgId, journeyId, filters, scoresVersion);
  const { heat, points: emotionPoints } = useHeat(orgId, scores, heatScore, filters);

  const reload = useCallback(async () => {
    try {
      setJourney(await journeysApi.get(orgId, journeyId));
      setLoadError(null);
    } catch (error) {
      setLoadError(describeProblem(t, error));
    }
    // `t` is left out on purpose: a change of language must not reload the board.
  }, [orgId, journeyId]);

  useEffect(() => {
    void reload();
    api
      .listMembers(orgId)
      .then(({ items }) => setMembers(items))
      .catch(() => setMembers([]));
  }, [reload, orgId]);

  const memberMap = useMemo(() => new Map(members.map((m) => [m.userId, m])), [members]);

  /** Runs a change; on failure shows why and redraws from the server. */
  const change = async (run: () => Promise<void>) => {
    setActionError(null);
    try {
      await run();
    } catch (error) {
      setActionError(describeProblem(t, error));
      await reload();
    }
  };

  const actions: BoardActions = {
    openTouchpoint: (touchpoint) => {
      const stage = journey?.stages.find((s) => s.id === touchpoint.stageId);
      if (stage) setEditing({ stage, touchpoint });
    },
    addTouchpoint: (stage) => setEditing({ stage, touchpoint: null }),
    addStage: () => setStageDialog({ stage: null }),
    editStage: (stage) => setStageDialog({ stage }),
    removeStage: (stage) =>
      void change(async () => {
        await journeysApi.archiveStage(orgId, journeyId, stage.id);
        await reload();
        setUndoable({
          message: t("board.stage.removed", { name: stage.name }),
          undo: async () => {
            setJourney(await journeysApi.restoreStage(orgId, journeyId, stage.id));
            toast(t("board.stage.restored", { name: stage.name }));
          },
        });
      }),
    moveTouchpoint: (touchpoint, to) =>
      change(async () => {
        setJourney(await journeysApi.moveTouchpoint(orgId, journeyId, touchpoint.id, to));
      }),
    moveStage: (stage, position) =>
      change(async () => {
        setJourney(await journeysApi.moveStage(orgId, journeyId, stage.id, position));
      }),
    announce: (message) => setAnnouncement(message),
  };

  const saveTouchpoint = async (changes: UpdateTouchpointInput) => {
    if (!editing) return;
    if (editing.touchpoint) {
      const saved = await journeysApi.updateTouchpoint(orgId, journeyId, editing.touchpoint.id, changes);
      toast(t("board.touchpoint.saved", { name: saved.name }));
    } else {
      const created = await journeysApi.addTouchpoint(orgId, journeyId, { ...changes, name: changes.name ?? "", stageId: editing.stage.id });
      toast(t("board.touchpoint.created", { name: created.name }));
    }
    setEditing(null);
    await reload();
  };

  const removeTouchpoint = (touchpoint: Touchpoint) => {
    setEditing(null);
    void change(async () => {
      await journeysApi.archiveTouchpoint(orgId, journeyId, touchpoint.id);
      await reload();
      setUndoable({
        message: t("board.touchpoint.removed", { name: touchpoint.name }),
        undo: async () => {
          setJourney(await journeysApi.restoreTouchpoint(orgId, journeyId, touchpoint.id));
          toast(t("board.touchpoint.restored", { name: touchpoint.name }));
        },
      });
    });
  };

  if (loadError && !journey) {
    return (
      <>
        <PageHeader title={t("nav.journeys")} />
        <Callout tone="danger">{loadError}</Callout>
      </>
    );
  }
  if (!journey) return <Spinner label={t("common.loading")} />;

  const filtered = onlyMoments || onlyMine;
  const visible = filtered ? (tp: Touchpoint) => (!onlyMoments || tp.momentOfTruth) && (!onlyMine || tp.ownerUserId === user.id) : null;
  const all = journey.stages.flatMap((s) => s.touchpoints);
  const momentCount = all.filter((tp) => tp.momentOfTruth).length;

  return (
    <div className="board-page">
      <Link to={orgPath(orgId, "journeys")} className="back-link">
        <BoardIcon name="arrowLeft" size={14} />
        {t("board.back")}
      </Link>
      <PageHeader
        title={journey.name}
        description={journey.description || undefined}
        actions={
          <>
            <Button onClick={() => setHistoryOpen(true)}>
              <BoardIcon name="history" />
              {t("board.history")}
            </Button>
            <Button onClick={() => void change(() => downloadJourney(orgId, journeyId, journey.name))}>
              <BoardIcon name="download" />
              {t("board.export")}
            </Button>
            {canEdit ? (
              <Button onClick={() => setSettingsOpen(true)}>
                <BoardIcon name="settings" />
                {t("board.settings")}
              </Button>
            ) : null}
          </>
        }
      />

      <div className="board-summary">
        {journey.persona ? (
          <div className="board-summary__item board-summary__persona">
            <span className="board-summary__icon" aria-hidden="true">
              <BoardIcon name="persona" size={16} />
            </span>
            <div>
              <p className="board-summary__label">{t("board.persona")}</p>
              <p className="board-summary__value">{journey.persona.name}</p>
              {journey.persona.description ? <p className="board-summary__text">{journey.persona.description}</p> : null}
            </div>
          </div>
        ) : null}
        {journey.scope ? (
          <div className="board-summary__item">
            <span className="board-summary__icon" aria-hidden="true">
              <Icon name="route" size={16} />
            </span>
            <div>
              <p className="board-summary__label">{t("board.scope")}</p>
              <p className="board-summary__text">{journey.scope}</p>
            </div>
          </div>
        ) : null}
      </div>

      {!canEdit ? <Callout tone="info">{t("board.readOnly")}</Callout> : null}
      {actionError ? <Callout tone="danger">{actionError}</Callout> : null}

      {journey.stages.length > 0 ? (
        <HeatmapControls orgId={orgId} filters={filters} onFilters={setFilters} scoreKey={heatScore} onScore={setHeatScore} scores={scores} failed={scoresFailed} />
      ) : null}

      {journey.stages.length > 0 ? (
        <div className="board-toolbar">
          <div className="board-toolbar__filters" role="group" aria-label={t("board.filters")}>
            <BoardIcon name="filter" className="board-toolbar__icon" />
            <button type="button" className="filter-chip" aria-pressed={onlyMoments} onClick={() => setOnlyMoments((v) => !v)}>
              <BoardIcon name="star" size={12} filled />
              {t("board.filter.momentsOfTruth")}
            </button>
            <button type="button" className="filter-chip" aria-pressed={onlyMine} onClick={() => setOnlyMine((v) => !v)}>
              <BoardIcon name="persona" size={12} />
              {t("board.filter.mine")}
            </button>
            {filtered ? (
              <p className="board-toolbar__status" role="status">
                {t("board.filter.active", { shown: all.filter(visible!).length, total: all.length })}
                {canEdit ? ` ${t("board.filter.noReorder")}` : ""}{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setOnlyMoments(false);
                    setOnlyMine(false);
                  }}
                >
                  {t("board.filter.clear")}
                </button>
              </p>
            ) : null}
          </div>
          <ul className="board-summary__counts">
            <li>{tn("journeys.stages", journey.stages.length)}</li>
            <li>{tn("journeys.touchpoints", all.length)}</li>
            <li className="board-summary__mot">
              <BoardIcon name="star" size={12} filled />
              {tn("journeys.momentsOfTruth", momentCount)}
            </li>
          </ul>
        </div>
      ) : null}

      {journey.stages.length === 0 ? (
        <EmptyState icon={<Icon name="route" size={22} />} title={t("board.noStages.title")}>
          <p>{t("board.noStages.text")}</p>
          {canEdit ? (
            <Button variant="primary" onClick={() => setStageDialog({ stage: null })}>
              <Icon name="plus" />
              {t("board.stage.add")}
            </Button>
          ) : null}
        </EmptyState>
      ) : (
        <JourneyBoard journey={journey} members={memberMap} canEdit={canEdit} visible={visible} actions={actions} heat={heat} emotionPoints={emotionPoints} />
      )}

      <p className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>

      <TouchpointEditor
        open={editing !== null}
        stage={editing?.stage ?? null}
        touchpoint={editing?.touchpoint ?? null}
        members={members}
        canEdit={canEdit}
        links={
          editing?.touchpoint
            ? { form: touchpointFormPath(orgId, editing.touchpoint.id), responses: touchpointFormPath(orgId, editing.touchpoint.id, "responses") }
            : null
        }
        onClose={() => setEditing(null)}
        onSave={saveTouchpoint}
        onRemove={removeTouchpoint}
      />
      <StageDialog
        open={stageDialog !== null}
        stage={stageDialog?.stage ?? null}
        onClose={() => setStageDialog(null)}
        onSave={async (values) => {
          if (stageDialog?.stage) await journeysApi.updateStage(orgId, journeyId, stageDialog.stage.id, values);
          else await journeysApi.addStage(orgId, journeyId, values);
          await reload();
        }}
      />
      {canEdit ? (
        <JourneySettingsDialog
          open={settingsOpen}
          journey={journey}
          onClose={() => setSettingsOpen(false)}
          onSave={async (input) => {
            setJourney(await journeysApi.update(orgId, journeyId, input));
            toast(t("settings.saved"));
          }}
        />
      ) : null}
      <HistoryDrawer open={historyOpen} orgId={orgId} journeyId={journeyId} onClose={() => setHistoryOpen(false)} />
      <UndoBar item={undoable} onDone={clearUndo} />
    </div>
  );
}
