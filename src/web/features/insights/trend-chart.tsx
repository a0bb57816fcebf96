// A score over time: one point per day, week or month, its 95 % interval shaded around the line (when
// the server sends one), points with few answers drawn hollow and points withheld left as gaps.
import { useMemo } from "react";
import { useI18n } from "../../i18n.js";
import { axisStyle, baseOption, Chart, okabeIto, type ChartOption } from "../../ui/chart.js";
import { scoreScales, useFormat, type ScoreKey } from "./format.js";
import type { Score, TrendInterval } from "./insights-api.js";

export interface TrendDatum {
  start: string;
  score: Score;
}

export function TrendChart({
  title,
  scoreKey,
  points,
  interval,
  target = null,
  filename,
  actions,
  height = 280,
}: {
  title: string;
  scoreKey: ScoreKey;
  points: TrendDatum[];
  interval: TrendInterval;
  target?: number | null;
  filename: string;
  actions?: React.ReactNode;
  height?: number;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const scale = scoreScales[scoreKey];
  const dayStyle = interval === "month" ? "month" : "short";

  const option = useMemo<ChartOption>(() => {
    const labels = points.map((p) => format.day(p.start, dayStyle));
    const value = points.map((p) => (p.score.visibility === "hidden" ? null : p.score.value));
    const lower = points.map((p) => (p.score.interval ? p.score.interval.lower : null));
    const band = points.map((p) => (p.score.interval ? p.score.interval.upper - p.score.interval.lower : null));
    const hasBand = band.some((b) => b !== null);
    const base = baseOption();
    return {
      ...base,
      grid: { left: 8, right: 20, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        ...(base.tooltip as object),
        trigger: "axis",
        formatter: (params: Array<{ dataIndex: number }>) => {
          const index = params[0]?.dataIndex ?? 0;
          const point = points[index];
          if (!point) return "";
          const lines = [labels[index] ?? ""];
          if (point.score.visibility === "hidden") lines.push(t("insights.score.hidden"));
          else {
            lines.push(`${t(`insights.score.${scoreKey}`)}: ${format.score(scoreKey, point.score.value)}`);
            const range = format.interval(scoreKey, point.score);
            if (range) lines.push(`${t("insights.score.intervalShort")} ${range}`);
          }
          lines.push(t("insights.chart.answers", { n: format.number(point.score.n) }));
          return lines.join("\n");
        },
      },
      xAxis: { type: "category", data: labels, boundaryGap: false, ...axisStyle },
      yAxis: {
        type: "value",
        // Points scores (NPS, NES, CX) zoom on the data but never past their scale's ends.
        min: scale.unit === "points" ? (v: { min: number }) => Math.max(scale.min, Math.floor(v.min / 10) * 10) : scale.min,
        max: scale.unit === "points" ? (v: { max: number }) => Math.min(scale.max, Math.ceil(v.max / 10) * 10) : scale.max,
        ...axisStyle,
        axisLabel: { color: "#555b68", formatter: (v: number) => format.number(v, scale.unit === "mean" ? 1 : 0) },
      },
      series: [
        ...(hasBand
          ? [
              { name: "lower", type: "line", data: lower, stack: "interval", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } },
              {
                name: "interval",
                type: "line",
                data: band,
                stack: "interval",
                stackStrategy: "all",
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { color: okabeIto.sky, opacity: 0.28 },
                silent: true,
              },
            ]
          : []),
        {
          name: t(`insights.score.${scoreKey}`),
          type: "line",
          data: value.map((v, i) => ({
            value: v,
            symbolSize: points[i]?.score.visibility === "few_answers" ? 7 : 6,
            itemStyle: points[i]?.score.visibility === "few_answers" ? { color: "#ffffff", borderColor: okabeIto.blue, borderWidth: 2 } : { color: okabeIto.blue },
          })),
          connectNulls: false,
          symbol: "circle",
          lineStyle: { color: okabeIto.blue, width: 2.5 },
          markLine:
            target !== null
              ? {
                  symbol: "none",
                  silent: true,
                  lineStyle: { color: okabeIto.vermillion, type: "dashed", width: 1.5 },
                  label: { formatter: t("insights.chart.target", { value: format.score(scoreKey, target) }), color: "#8a3400", position: "insideEndTop" },
                  data: [{ yAxis: target }],
                }
              : undefined,
        },
      ],
    };
  }, [points, scoreKey, target, format, t, scale, dayStyle]);

  const table = {
    columns: [t("insights.chart.period"), t(`insights.score.${scoreKey}`), t("insights.score.intervalTitle"), t("insights.chart.answersColumn")],
    rows: points.map((p) => [
      format.day(p.start, interval === "month" ? "month" : "medium"),
      p.score.visibility === "hidden" ? t("insights.score.hiddenShort") : format.score(scoreKey, p.score.value),
      format.interval(scoreKey, p.score) ?? "—",
      format.number(p.score.n),
    ]),
  };
  return <Chart title={title} option={option} table={table} filename={filename} actions={actions} height={height} />;
}
