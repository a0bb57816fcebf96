// One touchpoint on the board: channel, name, moment-of-truth badge, paused state, owner, and its
// measured score. With the heatmap on, the card is tinted by the chosen score against the touchpoint's
// target, and says it in words too (value, target, "below target"), with a link to its detail.
import type { DragEvent, KeyboardEvent, FocusEvent } from "react";
import type { Member } from "../../api.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { Avatar } from "../../ui/brand.js";
import { BoardIcon, ChannelIcon } from "./board-icons.js";
import type { Touchpoint } from "./journeys-api.js";

export interface CardMoveProps {
  /** Keyboard moves and drag-and-drop are offered (editors, board not filtered). */
  movable: boolean;
  lifted: boolean;
  dragging: boolean;
  instructionsId: string;
  onHandleKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  onHandleBlur(event: FocusEvent<HTMLButtonElement>): void;
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
}

/** The heatmap's reading of one card: the chosen score, how it stands against the target, in words. */
export interface CardHeat {
  /** Short name of the score ("NPS"). */
  label: string;
  /** The value as written, or null when withheld or without answers. */
  value: string | null;
  /** Against the target; without one, above or below the journey's own score ("above" / "under"); "none" when neither can be told. */
  level: "met" | "near" | "below" | "above" | "under" | "none" | "nodata";
  /** "Target +40", or null without one. */
  target: string | null;
  /** "Below target", "Few answers"…, read with the value. */
  status: string;
  few: boolean;
  detailHref: string;
  /** Visible text of the link ("Detail") and its full name ("Detail of “Checkout”"), which starts with it. */
  detailText: string;
  detailLabel: string;
}

export function ScoreSlot({ score = null, label }: { score?: string | null; label?: string }) {
  const { t } = useI18n();
  return (
    <span className="score-slot" title={score === null ? t("board.touchpoint.noData") : undefined}>
      <span className="score-slot__label">{label ?? t("board.touchpoint.score")}</span>
      {score === null ? (
        <>
          <span className="score-slot__value" aria-hidden="true">
            —
          </span>
          <span className="visually-hidden">{t("board.touchpoint.noData")}</span>
        </>
      ) : (
        <span className="score-slot__value">{score}</span>
      )}
    </span>
  );
}

export function TouchpointCard({
  touchpoint,
  owner,
  onOpen,
  move,
  heat = null,
}: {
  touchpoint: Touchpoint;
  owner: Member | null;
  onOpen(): void;
  move: CardMoveProps;
  heat?: CardHeat | null;
}) {
  const { t } = useI18n();
  const paused = touchpoint.status === "paused";
  const classes = [
    "tp-card",
    touchpoint.momentOfTruth ? "tp-card--mot" : "",
    paused ? "tp-card--paused" : "",
    move.lifted ? "is-lifted" : "",
    move.dragging ? "is-dragging" : "",
    heat ? `tp-card--heat tp-card--heat-${heat.level}` : "",
    heat?.few ? "tp-card--few" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <article
      className={classes}
      data-touchpoint-id={touchpoint.id}
      data-heat={heat?.level}
      draggable={move.movable}
      onDragStart={move.movable ? move.onDragStart : undefined}
      onDragEnd={move.movable ? move.onDragEnd : undefined}
    >
      <div className="tp-card__top">
        <span className="tp-card__channel">
          <ChannelIcon channel={touchpoint.channel} size={14} />
          {t(`channel.${touchpoint.channel}`)}
        </span>
        {move.movable ? (
          <button
            type="button"
            className="tp-card__handle"
            data-handle={`touchpoint:${touchpoint.id}`}
            aria-label={t("board.touchpoint.handle", { name: touchpoint.name })}
            aria-describedby={move.instructionsId}
            aria-pressed={move.lifted}
            onKeyDown={move.onHandleKeyDown}
            onBlur={move.onHandleBlur}
          >
            <BoardIcon name="grip" size={16} />
          </button>
        ) : null}
      </div>
      <h4 className="tp-card__name">
        <button type="button" className="tp-card__open" onClick={onOpen} data-open={`touchpoint:${touchpoint.id}`}>
          {touchpoint.name}
        </button>
      </h4>
      {touchpoint.momentOfTruth || paused ? (
        <p className="tp-card__badges">
          {touchpoint.momentOfTruth ? (
            <span className="mot-badge" title={touchpoint.momentOfTruthReason}>
              <BoardIcon name="star" size={12} filled />
              {t("board.touchpoint.momentOfTruth")}
            </span>
          ) : null}
          {paused ? (
            <span className="paused-badge">
              <BoardIcon name="pause" size={11} />
              {t("board.touchpoint.paused")}
            </span>
          ) : null}
        </p>
      ) : null}
      {heat ? (
        <p className="tp-card__heat">
          <span className="tp-card__heat-status">{heat.status}</span>
          {heat.target ? <span className="tp-card__heat-target">{heat.target}</span> : null}
          <Link to={heat.detailHref} className="tp-card__detail" aria-label={heat.detailLabel}>
            {heat.detailText}
          </Link>
        </p>
      ) : null}
      <div className="tp-card__footer">
        {owner ? (
          <span className="tp-card__owner">
            <Avatar name={owner.name} size="sm" />
            <span className="visually-hidden">{t("board.touchpoint.owner", { name: owner.name })}</span>
            <span className="tp-card__owner-name" aria-hidden="true">
              {owner.name}
            </span>
          </span>
        ) : (
          <span className="tp-card__owner tp-card__owner--none">{t("board.touchpoint.noOwner")}</span>
        )}
        {heat ? <ScoreSlot score={heat.value} label={heat.label} /> : <ScoreSlot />}
      </div>
    </article>
  );
}
