// Sentiment by topic or by touchpoint as a table that is also a chart: each row's negative, neutral
// and positive shares as numbers, and a diverging bar centred on neutral (negative to the left,
// positive to the right; vermillion and blue, told apart with every common colour-vision deficiency).
// The bar repeats the numbers beside it, so it is hidden from screen readers.
import type { ReactNode } from "react";
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
}: {
  caption: string;
  rowHeader: string;
  extraHeader?: string;
  rows: SentimentRow[];
  format: VoiceFormat;
}) {
  const { t } = useI18n();
  return (
    <div className="vc-scroll">
      <table className="vc-sentiment">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="vc-num">
              {t("voice.column.texts")}
            </th>
            <th scope="col" className="vc-sentiment__bar-head">
              <span className="visually-hidden">{t("voice.column.distribution")}</span>
            </th>
            <th scope="col" className="vc-num">
              {format.sentiment("negative")}
            </th>
            <th scope="col" className="vc-num">
              {format.sentiment("neutral")}
            </th>
            <th scope="col" className="vc-num">
              {format.sentiment("positive")}
            </th>
            <th scope="col" className="vc-num">
              <abbr title={t("voice.netHint")}>{t("voice.column.net")}</abbr>
            </th>
            {extraHeader ? <th scope="col">{extraHeader}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SentimentTableRow key={row.key} row={row} format={format} hasExtra={Boolean(extraHeader)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SentimentTableRow({ row, format, hasExtra }: { row: SentimentRow; format: VoiceFormat; hasExtra: boolean }) {
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
    <tr className={`${few ? "is-few" : ""}${row.selected ? " is-selected" : ""}`.trim() || undefined}>
      <th scope="row" className="vc-sentiment__label">
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
      <td className="vc-num">{format.count(row.count)}</td>
      <td className="vc-sentiment__bar">
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
      <td className="vc-num vc-num--negative">{share(summary.negative.value)}</td>
      <td className="vc-num">{share(summary.neutral.value)}</td>
      <td className="vc-num vc-num--positive">{share(summary.positive.value)}</td>
      <td className="vc-num vc-strong">{hidden || summary.net.value === null ? <span className="vc-muted">—</span> : format.net(summary.net.value)}</td>
      {hasExtra ? <td className="vc-sentiment__extra">{row.extra}</td> : null}
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
