// A chart with everything around it: a caption, the chart itself (Apache ECharts, loaded on first
// use), a data table with the same numbers (always in the page for screen readers, shown on demand
// for everyone) and "download PNG". Colours come from the Okabe–Ito palette, which stays distinct
// for the common forms of colour blindness; numbers and dates are formatted by the caller with Intl.
import { Suspense, lazy, useCallback, useId, useState, type ReactNode } from "react";
import { useI18n } from "../i18n.js";
import { InsightIcon } from "./insight-icons.js";

const ChartCanvas = lazy(() => import("./chart-canvas.js"));

/** An ECharts option object (typed loosely here so the library is only loaded by chart-canvas). */
export type ChartOption = Record<string, unknown>;

export interface ChartHandle {
  toPng(background: string): string;
}

/** Okabe & Ito (2008): eight colours told apart with every common colour-vision deficiency. */
export const okabeIto = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  sky: "#56B4E9",
  yellow: "#F0E442",
  black: "#000000",
} as const;
export const chartPalette = [okabeIto.blue, okabeIto.orange, okabeIto.green, okabeIto.vermillion, okabeIto.purple, okabeIto.sky, okabeIto.yellow, okabeIto.black];

/** What every chart shares: palette, the dashboard's font and greys, canvas tooltips. */
export function baseOption(): ChartOption {
  return {
    color: chartPalette,
    animationDuration: 400,
    textStyle: { fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif", color: "#555b68", fontSize: 12 },
    tooltip: {
      renderMode: "richText",
      backgroundColor: "#16181d",
      borderWidth: 0,
      padding: [8, 10],
      textStyle: { color: "#ffffff", fontSize: 12 },
    },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
  };
}

export const axisStyle = {
  axisLine: { lineStyle: { color: "#cfd3db" } },
  axisTick: { show: false },
  axisLabel: { color: "#555b68" },
  splitLine: { lineStyle: { color: "#eceef2" } },
};

export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function Chart({
  title,
  option,
  table,
  height = 280,
  filename,
  summary,
  actions,
}: {
  /** What the chart shows: the caption of the figure and of its table. */
  title: string;
  option: ChartOption;
  table: ChartTable;
  height?: number;
  /** Name of the PNG, without extension. */
  filename: string;
  /** One sentence with what matters, read before the table. */
  summary?: string;
  /** Controls beside the chart's own (e.g. a score selector). */
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [handle, setHandle] = useState<ChartHandle | null>(null);
  const onReady = useCallback((next: ChartHandle | null) => setHandle(next), []);

  const download = () => {
    if (!handle) return;
    const link = document.createElement("a");
    link.href = handle.toPng("#ffffff");
    link.download = `${filename.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "chart"}.png`;
    document.body.append(link);
    link.click();
    link.remove();
  };

  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <div className="chart__bar">
        <figcaption id={`${id}-caption`} className="chart__caption">
          {title}
        </figcaption>
        <div className="chart__actions">
          {actions}
          <button type="button" className="chart__action" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
            <InsightIcon name={showTable ? "chart" : "table"} size={14} />
            {showTable ? t("chart.showChart") : t("chart.showTable")}
          </button>
          <button type="button" className="chart__action" onClick={download} disabled={!handle || showTable} aria-label={t("chart.downloadLabel", { title })}>
            <InsightIcon name="download" size={14} />
            PNG
          </button>
        </div>
      </div>
      {summary ? <p className="chart__summary">{summary}</p> : null}
      {!showTable ? (
        <Suspense fallback={<div className="chart__placeholder" aria-hidden="true" />}>
          <div className="chart__frame">
            <ChartCanvas option={option} height={height} onReady={onReady} />
          </div>
        </Suspense>
      ) : null}
      <div className={showTable ? "chart__table-wrap" : "visually-hidden"}>
        <table className="table chart__table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={cellIndex}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
