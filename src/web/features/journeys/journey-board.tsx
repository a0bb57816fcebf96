// The journey as a board: stages as columns in journey order, touchpoints as cards, the emotion row
// beneath. Cards and stages move by pointer (HTML5 drag and drop) and by keyboard alone: focus a
// grip, Space or Enter picks it up, arrows move it (a card across stages too), Space or Enter drops,
// Escape puts it back. Each step is announced. The board shows the move at once and then redraws from
// the server's answer (the whole board), so it always ends in the server's order.
import { useLayoutEffect, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent } from "react";
import { placeAt } from "../../../core/journeys/ordering.js";
import type { Member } from "../../api.js";
import { useI18n } from "../../i18n.js";
import { Icon } from "../../ui/icon.js";
import { Popover } from "../../ui/popover.js";
import { BoardIcon } from "./board-icons.js";
import { EmotionCurve, type EmotionPoint } from "./emotion-curve.js";
import type { Journey, Stage, Touchpoint } from "./journeys-api.js";
import { TouchpointCard, type CardHeat } from "./touchpoint-card.js";

type Lift =
  | { kind: "touchpoint"; id: string; from: { stageId: string; index: number }; at: { stageId: string; index: number } }
  | { kind: "stage"; id: string; from: number; at: number };

type DragState = { kind: "touchpoint"; id: string; over: { stageId: string; index: number } | null } | { kind: "stage"; id: string; over: number | null };

export interface BoardActions {
  openTouchpoint(touchpoint: Touchpoint): void;
  addTouchpoint(stage: Stage): void;
  addStage(): void;
  editStage(stage: Stage): void;
  removeStage(stage: Stage): void;
  moveTouchpoint(touchpoint: Touchpoint, to: { stageId: string; position: number }): Promise<void>;
  moveStage(stage: Stage, position: number): Promise<void>;
  announce(message: string): void;
}

/** The stages with `lift` applied, so the board shows a keyboard move before it is dropped. */
function arrange(stages: Stage[], lift: Lift | null): Stage[] {
  if (!lift) return stages;
  if (lift.kind === "stage") {
    const order = placeAt(
      stages.map((s) => s.id),
      lift.id,
      lift.at,
    );
    return order.map((id) => stages.find((s) => s.id === id)!);
  }
  const moving = stages.flatMap((s) => s.touchpoints).find((tp) => tp.id === lift.id);
  if (!moving) return stages;
  return stages.map((stage) => {
    const rest = stage.touchpoints.filter((tp) => tp.id !== lift.id);
    if (stage.id !== lift.at.stageId) return rest.length === stage.touchpoints.length ? stage : { ...stage, touchpoints: rest };
    const at = Math.min(lift.at.index, rest.length);
    return { ...stage, touchpoints: [...rest.slice(0, at), moving, ...rest.slice(at)] };
  });
}

export function JourneyBoard({
  journey,
  members,
  canEdit,
  visible,
  actions,
  heat = null,
  emotionPoints = null,
}: {
  journey: Journey;
  members: Map<string, Member>;
  canEdit: boolean;
  /** Which touchpoints the filters let through; null when the board is not filtered. */
  visible: ((touchpoint: Touchpoint) => boolean) | null;
  actions: BoardActions;
  /** The heatmap's reading of each card, by touchpoint id; null when scores are not shown. */
  heat?: Map<string, CardHeat> | null;
  /** The measured emotion curve, by stage; null until loaded. */
  emotionPoints?: EmotionPoint[] | null;
}) {
  const { t, tn } = useI18n();
  const [lift, setLift] = useState<Lift | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const movable = canEdit && visible === null;
  const stages = arrange(journey.stages, lift);

  // A lifted card may be redrawn in another column; keep keyboard focus on its grip.
  useLayoutEffect(() => {
    if (!lift) return;
    const handle = boardRef.current?.querySelector<HTMLElement>(`[data-handle="${lift.kind}:${lift.id}"]`);
    if (handle && document.activeElement !== handle) handle.focus();
    handle?.closest(".tp-card, .stage-column")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [lift]);

  const describeCard = (list: Stage[], touchpointId: string) => {
    const stage = list.find((s) => s.touchpoints.some((tp) => tp.id === touchpointId))!;
    const index = stage.touchpoints.findIndex((tp) => tp.id === touchpointId);
    return { stage: stage.name, position: index + 1, total: stage.touchpoints.length };
  };

  // ---- keyboard: touchpoints -------------------------------------------------------------------

  const onTouchpointKey = (touchpoint: Touchpoint, event: KeyboardEvent<HTMLButtonElement>) => {
    const key = event.key;
    const isToggle = key === " " || key === "Enter";
    if (!lift || lift.kind !== "touchpoint" || lift.id !== touchpoint.id) {
      if (!isToggle) return;
      event.preventDefault();
      const stage = journey.stages.find((s) => s.id === touchpoint.stageId)!;
      const index = stage.touchpoints.findIndex((tp) => tp.id === touchpoint.id);
      setLift({ kind: "touchpoint", id: touchpoint.id, from: { stageId: stage.id, index }, at: { stageId: stage.id, index } });
      actions.announce(t("board.dnd.lifted", { name: touchpoint.name, stage: stage.name, position: index + 1, total: stage.touchpoints.length }));
      return;
    }
    if (key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setLift(null);
      actions.announce(t("board.dnd.cancelled", { name: touchpoint.name }));
      return;
    }
    if (isToggle) {
      event.preventDefault();
      const current = lift;
      const where = describeCard(stages, touchpoint.id);
      actions.announce(t("board.dnd.dropped", { name: touchpoint.name, ...where }));
      setLift(null);
      if (current.at.stageId !== current.from.stageId || current.at.index !== current.from.index) {
        void actions.moveTouchpoint(touchpoint, { stageId: current.at.stageId, position: current.at.index });
      }
      return;
    }
    const stageIndex = journey.stages.findIndex((s) => s.id === lift.at.stageId);
    const targetLength = (stageId: string) => journey.stages.find((s) => s.id === stageId)!.touchpoints.filter((tp) => tp.id !== touchpoint.id).length;
    let next = lift.at;
    if (key === "ArrowUp") next = { ...lift.at, index: Math.max(0, lift.at.index - 1) };
    else if (key === "ArrowDown") next = { ...lift.at, index: Math.min(targetLength(lift.at.stageId), lift.at.index + 1) };
    else if (key === "ArrowLeft" || key === "ArrowRight") {
      const to = journey.stages[stageIndex + (key === "ArrowLeft" ? -1 : 1)];
      if (to) next = { stageId: to.id, index: Math.min(lift.at.index, targetLength(to.id)) };
    } else if (key === "Home") next = { ...lift.at, index: 0 };
    else if (key === "End") next = { ...lift.at, index: targetLength(lift.at.stageId) };
    else return;
    event.preventDefault();
    const updated: Lift = { ...lift, at: next };
    setLift(updated);
    const where = describeCard(arrange(journey.stages, updated), touchpoint.id);
    actions.announce(t("board.dnd.moved", { name: touchpoint.name, ...where }));
  };

  // ---- keyboard: stages ------------------------------------------------------------------------

  const onStageKey = (stage: Stage, event: KeyboardEvent<HTMLButtonElement>) => {
    const key = event.key;
    const total = journey.stages.length;
    const isToggle = key === " " || key === "Enter";
    if (!lift || lift.kind !== "stage" || lift.id !== stage.id) {
      if (!isToggle) return;
      event.preventDefault();
      const index = journey.stages.findIndex((s) => s.id === stage.id);
      setLift({ kind: "stage", id: stage.id, from: index, at: index });
      actions.announce(t("board.dnd.stageLifted", { name: stage.name, position: index + 1, total }));
      return;
    }
    if (key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setLift(null);
      actions.announce(t("board.dnd.cancelled", { name: stage.name }));
      return;
    }
    if (isToggle) {
      event.preventDefault();
      const current = lift;
      actions.announce(t("board.dnd.stageDropped", { name: stage.name, position: current.at + 1, total }));
      setLift(null);
      if (current.at !== current.from) void actions.moveStage(stage, current.at);
      return;
    }
    let at = lift.at;
    if (key === "ArrowLeft" || key === "ArrowUp") at = Math.max(0, at - 1);
    else if (key === "ArrowRight" || key === "ArrowDown") at = Math.min(total - 1, at + 1);
    else if (key === "Home") at = 0;
    else if (key === "End") at = total - 1;
    else return;
    event.preventDefault();
    setLift({ ...lift, at });
    actions.announce(t("board.dnd.stageMoved", { name: stage.name, position: at + 1, total }));
  };

  const onHandleBlur = (event: FocusEvent<HTMLButtonElement>) => {
    // Tabbing away puts a lifted item back; a redraw that moves the grip (relatedTarget null) does not.
    if (lift && event.relatedTarget !== null && !(event.relatedTarget as HTMLElement).dataset?.handle) {
      setLift(null);
    }
  };

  // ---- pointer: HTML5 drag and drop ------------------------------------------------------------

  const indexFromPointer = (list: HTMLElement, clientY: number, movingId: string) => {
    const cards = Array.from(list.querySelectorAll<HTMLElement>(":scope > li > .tp-card")).filter((card) => card.dataset.touchpointId !== movingId);
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return index === -1 ? cards.length : index;
  };

  const onCardDragStart = (touchpoint: Touchpoint, event: DragEvent<HTMLElement>) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", touchpoint.name);
    setDrag({ kind: "touchpoint", id: touchpoint.id, over: null });
  };

  const onListDragOver = (stage: Stage, event: DragEvent<HTMLElement>) => {
    if (drag?.kind !== "touchpoint") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const list = event.currentTarget.querySelector<HTMLElement>(".stage-column__list");
    if (!list) return;
    const index = indexFromPointer(list, event.clientY, drag.id);
    if (drag.over?.stageId !== stage.id || drag.over.index !== index) setDrag({ ...drag, over: { stageId: stage.id, index } });
  };

  const onListDrop = (event: DragEvent<HTMLElement>) => {
    if (drag?.kind !== "touchpoint" || !drag.over) return;
    event.preventDefault();
    const touchpoint = journey.stages.flatMap((s) => s.touchpoints).find((tp) => tp.id === drag.id);
    const over = drag.over;
    setDrag(null);
    if (!touchpoint) return;
    const fromIndex = journey.stages.find((s) => s.id === touchpoint.stageId)!.touchpoints.findIndex((tp) => tp.id === touchpoint.id);
    if (over.stageId === touchpoint.stageId && over.index === fromIndex) return;
    const stage = journey.stages.find((s) => s.id === over.stageId)!;
    const total = stage.touchpoints.filter((tp) => tp.id !== touchpoint.id).length + 1;
    actions.announce(t("board.dnd.dropped", { name: touchpoint.name, stage: stage.name, position: over.index + 1, total }));
    void actions.moveTouchpoint(touchpoint, { stageId: over.stageId, position: over.index });
  };

  const onStageDragStart = (stage: Stage, event: DragEvent<HTMLElement>) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", stage.name);
    setDrag({ kind: "stage", id: stage.id, over: null });
  };

  const onColumnDragOver = (index: number, event: DragEvent<HTMLElement>) => {
    if (drag?.kind !== "stage") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (drag.over !== index) setDrag({ ...drag, over: index });
  };

  const onColumnDrop = (event: DragEvent<HTMLElement>) => {
    if (drag?.kind !== "stage" || drag.over === null) return;
    event.preventDefault();
    const stage = journey.stages.find((s) => s.id === drag.id);
    const to = drag.over;
    setDrag(null);
    if (!stage || stage.position === to) return;
    actions.announce(t("board.dnd.stageDropped", { name: stage.name, position: to + 1, total: journey.stages.length }));
    void actions.moveStage(stage, to);
  };

  const instructionsId = `board-${journey.id}-instructions`;
  const stageInstructionsId = `board-${journey.id}-stage-instructions`;

  return (
    <div className="board" ref={boardRef}>
      <p id={instructionsId} className="visually-hidden">
        {t("board.dnd.instructions")}
      </p>
      <p id={stageInstructionsId} className="visually-hidden">
        {t("board.dnd.stageInstructions")}
      </p>
      <div className="board__scroller" role="region" aria-label={t("board.label", { name: journey.name })} tabIndex={0}>
        <ol className="board__columns">
          {stages.map((stage, stageIndex) => {
            const shown = visible ? stage.touchpoints.filter(visible) : stage.touchpoints;
            const stageLifted = lift?.kind === "stage" && lift.id === stage.id;
            const dropBefore = drag?.kind === "touchpoint" && drag.over?.stageId === stage.id ? drag.over.index : null;
            const others = drag?.kind === "touchpoint" ? shown.filter((tp) => tp.id !== drag.id) : shown;
            const dropLineAt = dropBefore === null ? null : (others[dropBefore]?.id ?? "end");
            const columnClasses = [
              "stage-column",
              stageLifted ? "is-lifted" : "",
              drag?.kind === "stage" && drag.id === stage.id ? "is-dragging" : "",
              drag?.kind === "stage" && drag.over === stageIndex && drag.id !== stage.id ? "is-drop-target" : "",
              drag?.kind === "touchpoint" && drag.over?.stageId === stage.id ? "is-receiving" : "",
            ]
              .filter(Boolean)
              .join(" ");
            return (
              <li
                key={stage.id}
                className={columnClasses}
                aria-labelledby={`stage-${stage.id}-name`}
                onDragOver={(event) => (drag?.kind === "stage" ? onColumnDragOver(stageIndex, event) : onListDragOver(stage, event))}
                onDrop={(event) => (drag?.kind === "stage" ? onColumnDrop(event) : onListDrop(event))}
              >
                <header
                  className="stage-column__header"
                  draggable={movable}
                  onDragStart={movable ? (event) => onStageDragStart(stage, event) : undefined}
                  onDragEnd={() => setDrag(null)}
                >
                  <span className="stage-column__number" aria-hidden="true">
                    {stageIndex + 1}
                  </span>
                  <h3 className="stage-column__name" id={`stage-${stage.id}-name`}>
                    <span className="visually-hidden">{t("board.stage.number", { n: stageIndex + 1 })}: </span>
                    {stage.name}
                  </h3>
                  <span className="stage-column__count">
                    <span aria-hidden="true">{visible ? `${shown.length}/${stage.touchpoints.length}` : stage.touchpoints.length}</span>
                    <span className="visually-hidden">{tn("journeys.touchpoints", stage.touchpoints.length)}</span>
                  </span>
                  {movable ? (
                    <button
                      type="button"
                      className="stage-column__handle"
                      data-handle={`stage:${stage.id}`}
                      aria-label={t("board.stage.handle", { name: stage.name })}
                      aria-describedby={stageInstructionsId}
                      aria-pressed={stageLifted}
                      onKeyDown={(event) => onStageKey(stage, event)}
                      onBlur={onHandleBlur}
                    >
                      <BoardIcon name="grip" size={16} />
                    </button>
                  ) : null}
                  {canEdit ? (
                    <StageMenu
                      stage={stage}
                      isFirst={stageIndex === 0}
                      isLast={stageIndex === stages.length - 1}
                      actions={actions}
                      index={stageIndex}
                    />
                  ) : null}
                </header>
                {stage.description ? <p className="stage-column__description">{stage.description}</p> : null}
                <ol className="stage-column__list" aria-label={stage.name}>
                  {shown.map((touchpoint) => (
                    <li key={touchpoint.id} className={dropLineAt === touchpoint.id ? "has-drop-line" : undefined}>
                      <TouchpointCard
                        touchpoint={touchpoint}
                        owner={touchpoint.ownerUserId ? members.get(touchpoint.ownerUserId) ?? null : null}
                        onOpen={() => actions.openTouchpoint(touchpoint)}
                        heat={heat?.get(touchpoint.id) ?? null}
                        move={{
                          movable,
                          lifted: lift?.kind === "touchpoint" && lift.id === touchpoint.id,
                          dragging: drag?.kind === "touchpoint" && drag.id === touchpoint.id,
                          instructionsId,
                          onHandleKeyDown: (event) => onTouchpointKey(touchpoint, event),
                          onHandleBlur,
                          onDragStart: (event) => onCardDragStart(touchpoint, event),
                          onDragEnd: () => setDrag(null),
                        }}
                      />
                    </li>
                  ))}
                  {dropLineAt === "end" ? (
                    <li className="has-drop-line stage-column__drop-end" aria-hidden="true" />
                  ) : null}
                </ol>
                {shown.length === 0 ? (
                  <p className="stage-column__empty">{visible && stage.touchpoints.length > 0 ? t("board.stage.emptyFiltered") : t("board.stage.empty")}</p>
                ) : null}
                {canEdit ? (
                  <button type="button" className="stage-column__add" onClick={() => actions.addTouchpoint(stage)}>
                    <Icon name="plus" size={14} />
                    <span aria-hidden="true">{t("board.touchpoint.add")}</span>
                    <span className="visually-hidden">{t("board.touchpoint.addTo", { stage: stage.name })}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
          {canEdit ? (
            <li className="stage-column stage-column--add">
              <button type="button" className="stage-column__add-stage" onClick={actions.addStage}>
                <Icon name="plus" size={16} />
                {t("board.stage.add")}
              </button>
            </li>
          ) : null}
        </ol>
        {journey.stages.length > 0 ? <EmotionCurve stages={stages} points={emotionPoints} /> : null}
      </div>
    </div>
  );
}

function StageMenu({ stage, index, isFirst, isLast, actions }: { stage: Stage; index: number; isFirst: boolean; isLast: boolean; actions: BoardActions }) {
  const { t } = useI18n();
  const item = (label: string, icon: Parameters<typeof BoardIcon>[0]["name"], run: () => void, close: () => void) => (
    <button
      type="button"
      className="popover__item"
      onClick={() => {
        close();
        run();
      }}
    >
      <BoardIcon name={icon} />
      <span className="popover__item-text">{label}</span>
    </button>
  );
  return (
    <Popover align="end" triggerClassName="icon-button stage-column__menu" triggerLabel={t("board.stage.menu", { name: stage.name })} trigger={<BoardIcon name="more" size={18} />}>
      {(close) => (
        <>
          {item(t("board.stage.rename"), "pencil", () => actions.editStage(stage), close)}
          {!isFirst ? item(t("board.stage.moveLeft"), "arrowLeft", () => void actions.moveStage(stage, index - 1), close) : null}
          {!isLast ? item(t("board.stage.moveRight"), "arrowRight", () => void actions.moveStage(stage, index + 1), close) : null}
          <div className="popover__separator" />
          {item(t("board.stage.remove"), "archive", () => actions.removeStage(stage), close)}
        </>
      )}
    </Popover>
  );
}
