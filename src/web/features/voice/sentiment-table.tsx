// Sentiment by topic or by touchpoint as a table that is also a chart: each row's negative, neutral
// and positive shares as numbers, and a diverging bar centred on neutral (negative to the left,
// positive to the right; vermillion and blue, told apart with every common colour-vision deficiency).
// The bar repeats the numbers beside it, so it is hidden from screen readers.
import { useState, type ReactNode } from "react";
import type { z } from "zod";
import type { sentimentSummaryOut } from "../../../core/voice/schema.js";
import { useI18n } from "../../i18n.js";
import type { VoiceFormat } from "./voice-format.js";

export type SentimentSummary = z.infer<typeof sentimentSummaryOut>;

export interface SentimentRow {
  key: string;
  label: string;
  /** Texts in the row (a topic's mentions, a touchpoint's texts). */
  count: number;
  summary: SentimentSummary;
  /** Extra cell content: inferred emotions, top topics. */
  extra?: ReactNode;
  /** When set, the label is a button that narrows the texts list to the row. */
  onSelect?: () => void;
  selected?: boolean;
  selectLabel?: string;
}

export function SentimentTable({
  caption,
  rowHeader,
  extraHeader,
  rows,
  format,
  limit,
}: {
  caption: string;
  rowHeader: string;
  extraHeader?: string;
  rows: SentimentRow[];
  format: VoiceFormat;
  /** Rows shown before "show all" (the rest stay one click away); all when absent. */
  limit?: number;
}) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = limit === undefined || all ? rows : rows.filter((row, index) => index < limit || row.selected);
  const labels: CellLabels = {
    texts: t("voice.column.texts"),
    negative: format.sentiment("negative"),
    neutral: format.sentiment("neutral"),
    positive: format.sentiment("positive"),
    net: t("voice.column.net"),
    extra: extraHeader ?? "",
  };
  return (
    <>
      <div className="vc-scroll">
        {/* Explicit roles keep the table a table for screen readers when a phone lays its rows out as cards. */}
        <table className="vc-sentiment" role="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{rowHeader}</th>
              <th role="columnheader" scope="col" className="vc-num">
                {labels.texts}
              </th>
              <th role="columnheader" scope="col" className="vc-sentiment__bar-head">
                <span className="visually-hidden">{t("voice.column.distribution")}</span>
              </th>
              <th role="columnheader" scope="col" className="vc-num">
                {labels.negative}
              </th>
              <th role="columnheader" scope="col" className="vc-num">
                {labels.neutral}
              </th>
              <th role="columnheader" scope="col" className="vc-num">
                {labels.positive}
              </th>
              <th role="columnheader" scope="col" className="vc-num">
                <abbr title={t("voice.netHint")}>{labels.net}</abbr>
              </th>
              {extraHeader ? (
                <th role="columnheader" scope="col">
                  {extraHeader}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {shown.map((row) => (
              <SentimentTableRow key={row.key} row={row} format={format} labels={labels} hasExtra={Boolean(extraHeader)} />
            ))}
          </tbody>
        </table>
      </div>
      {limit !== undefined && rows.length > limit ? (
        <div className="vc-more">
          <button type="button" className="vc-link-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t("voice.table.showFewer", { count: format.count(limit) }) : t("voice.table.showAll", { count: format.count(rows.length) })}
          </button>
        </div>
      ) : null}
    </>
  );
}

interface CellLabels {
  texts: string;
  negative: string;
  neutral: string;
  positive: string;
  net: string;
  extra: string;
}

/** The column's name inside the cell, shown only when a phone lays the row out as a card. */
function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="vc-cell-label" aria-hidden="true">
      {children}
    </span>
  );
}

function SentimentTableRow({ row, format, labels, hasExtra }: { row: SentimentRow; format: VoiceFormat; labels: CellLabels; hasExtra: boolean }) {
  const { t } = useI18n();
  const { summary } = row;
  const hidden = summary.visibility === "hidden" || summary.negative.value === null || summary.positive.value === null || summary.neutral.value === null;
  const few = summary.visibility === "few_answers";
  const share = (value: number | null) => (hidden || value === null ? <span className="vc-muted">—</span> : format.share(value));
  // Shares arrive as 0…100.
  const negative = (summary.negative.value ?? 0) / 100;
  const neutral = (summary.neutral.value ?? 0) / 100;
  const positive = (summary.positive.value ?? 0) / 100;
  // Each half of the track holds up to 100 % of the texts; neutral straddles the centre.
  const half = (value: number) => `${Math.max(0, Math.min(1, value)) * 50}%`;
  return (
    <tr role="row" className={`${few ? "is-few" : ""}${row.selected ? " is-selected" : ""}`.trim() || undefined}>
      <th role="rowheader" scope="row" className="vc-sentiment__label">
        {row.onSelect ? (
          <button type="button" className="vc-link-button" onClick={row.onSelect} aria-pressed={row.selected ?? false} title={row.selectLabel}>
            {row.label}
          </button>
        ) : (
          row.label
        )}
        {few ? <span className="vc-few">{t("voice.fewAnswers")}</span> : null}
        {hidden ? <span className="vc-few">{t("voice.hiddenShort")}</span> : null}
      </th>
      <td role="cell" className="vc-num vc-sentiment__count">
        <CellLabel>{labels.texts}</CellLabel>
        {format.count(row.count)}
      </td>
      <td role="cell" className="vc-sentiment__bar">
        <div className="vc-diverge" aria-hidden="true">
          <span className="vc-diverge__axis" />
          {hidden ? null : (
            <>
              <span className="vc-diverge__seg vc-diverge__seg--negative" style={{ right: `calc(50% + ${half(neutral / 2)})`, width: half(negative) }} />
              <span className="vc-diverge__seg vc-diverge__seg--neutral" style={{ left: `calc(50% - ${half(neutral / 2)})`, width: half(neutral) }} />
              <span className="vc-diverge__seg vc-diverge__seg--positive" style={{ left: `calc(50% + ${half(neutral / 2)})`, width: half(positive) }} />
            </>
          )}
        </div>
      </td>
      <td role="cell" className="vc-num vc-num--negative vc-sentiment__share">
        <CellLabel>{labels.negative}</CellLabel>
        {share(summary.negative.value)}
      </td>
      <td role="cell" className="vc-num vc-sentiment__share">
        <CellLabel>{labels.neutral}</CellLabel>
        {share(summary.neutral.value)}
      </td>
      <td role="cell" className="vc-num vc-num--positive vc-sentiment__share">
        <CellLabel>{labels.positive}</CellLabel>
        {share(summary.positive.value)}
      </td>
      <td role="cell" className="vc-num vc-strong vc-sentiment__share">
        <CellLabel>{labels.net}</CellLabel>
        {hidden || summary.net.value === null ? <span className="vc-muted">—</span> : format.net(summary.net.value)}
      </td>
      {hasExtra ? (
        <td role="cell" className="vc-sentiment__extra">
          {row.extra}
        </td>
      ) : null}
    </tr>
  );
}

/** The colours of the diverging bars, for the panel's header (the numbers in the table say the same). */
export function SentimentLegend({ format }: { format: VoiceFormat }) {
  return (
    <p className="vc-legend vc-sentiment-legend" aria-hidden="true">
      {(["negative", "neutral", "positive"] as const).map((label) => (
        <span key={label} className="vc-legend__item">
          <span className={`vc-swatch vc-swatch--${label}`} />
          {format.sentiment(label)}
        </span>
      ))}
    </p>
  );
}
