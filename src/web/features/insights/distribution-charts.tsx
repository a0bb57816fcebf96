// Answer distributions as bar charts (NPS 0–10, CSAT 1–5, CES 1–7) and emotions by intensity, each
// with its data table. Bars are coloured by what the answer means (detractor, passive, promoter…),
// and the table says the same in words.
import { useMemo } from "react";
import { emotionLabel, intensityLabels, type EmotionCode } from "../../../core/emotions.js";
import { useI18n } from "../../i18n.js";
import { axisStyle, baseOption, Chart, okabeIto, type ChartOption } from "../../ui/chart.js";
import { useFormat } from "./format.js";

export type DistributionKind = "nps" | "csat" | "ces" | "usefulness" | "brandLove";

const firstValue: Record<DistributionKind, number> = { nps: 0, csat: 1, ces: 1, usefulness: 1, brandLove: 1 };

/** The group an answer falls in: low (detractor, dissatisfied, hard), middle, high. */
function groupOf(kind: DistributionKind, value: number): "low" | "mid" | "high" {
  if (kind === "nps") return value <= 6 ? "low" : value <= 8 ? "mid" : "high";
  if (kind === "csat") return value <= 2 ? "low" : value === 3 ? "mid" : "high";
  return value <= 3 ? "low" : value === 4 ? "mid" : "high";
}
const groupColour = { low: okabeIto.vermillion, mid: okabeIto.orange, high: okabeIto.blue };

export function DistributionChart({ kind, counts, title, filename }: { kind: DistributionKind; counts: number[]; title: string; filename: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const total = counts.reduce((a, b) => a + b, 0);
  const labels = counts.map((_, i) => String(firstValue[kind] + i));
  const option = useMemo<ChartOption>(() => {
    const base = baseOption();
    return {
      ...base,
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        ...(base.tooltip as object),
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const i = params[0]?.dataIndex ?? 0;
          const count = counts[i] ?? 0;
          return `${labels[i]}: ${format.number(count)} (${format.percent(total > 0 ? (100 * count) / total : 0, 1)})\n${t(`insights.group.${groupOf(kind, firstValue[kind] + i)}.${kind === "nps" ? "nps" : "scale"}`)}`;
        },
      },
      xAxis: { type: "category", data: labels, ...axisStyle },
      yAxis: { type: "value", ...axisStyle, axisLabel: { color: "#555b68", formatter: (v: number) => format.number(v) } },
      series: [
        {
          type: "bar",
          barMaxWidth: 36,
          data: counts.map((count, i) => ({ value: count, itemStyle: { color: groupColour[groupOf(kind, firstValue[kind] + i)], borderRadius: [3, 3, 0, 0] } })),
          label: { show: counts.length <= 7, position: "top", color: "#555b68", formatter: (p: { value: number }) => (total > 0 ? format.percent((100 * p.value) / total, 0) : "") },
        },
      ],
    };
  }, [counts, kind, format, t, total, labels]);
  const table = {
    columns: [t("insights.distribution.answer"), t("insights.distribution.group"), t("insights.distribution.count"), t("insights.distribution.share")],
    rows: counts.map((count, i) => [
      labels[i]!,
      t(`insights.group.${groupOf(kind, firstValue[kind] + i)}.${kind === "nps" ? "nps" : "scale"}`),
      format.number(count),
      format.percent(total > 0 ? (100 * count) / total : 0, 1),
    ]),
  };
  return <Chart title={title} option={option} table={table} filename={filename} height={220} />;
}

export function EmotionChart({ emotions, title, filename }: { emotions: Array<{ code: EmotionCode; mentions: number; share: number; byIntensity: number[] }>; title: string; filename: string }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const names = emotions.map((e) => emotionLabel(e.code, language));
  const option = useMemo<ChartOption>(() => {
    const base = baseOption();
    const shades = ["#9ccbe8", okabeIto.sky, okabeIto.blue];
    const reversed = [...emotions].reverse();
    return {
      ...base,
      grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: "#555b68" } },
      tooltip: {
        ...(base.tooltip as object),
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const e = reversed[params[0]?.dataIndex ?? 0];
          if (!e) return "";
          return [
            `${emotionLabel(e.code, language)}: ${format.number(e.mentions)} (${format.percent(e.share, 1)})`,
            ...e.byIntensity.map((count, i) => `${intensityLabels[language][(i + 1) as 1 | 2 | 3]}: ${format.number(count)}`),
          ].join("\n");
        },
      },
      xAxis: { type: "value", ...axisStyle, axisLabel: { color: "#555b68", formatter: (v: number) => format.number(v) } },
      yAxis: { type: "category", data: reversed.map((e) => emotionLabel(e.code, language)), ...axisStyle },
      series: [0, 1, 2].map((i) => ({
        name: intensityLabels[language][(i + 1) as 1 | 2 | 3],
        type: "bar",
        stack: "intensity",
        barMaxWidth: 22,
        itemStyle: { color: shades[i] },
        data: reversed.map((e) => e.byIntensity[i] ?? 0),
        ...(i === 2 ? { label: { show: true, position: "right", color: "#555b68", formatter: (p: { dataIndex: number }) => format.percent(reversed[p.dataIndex]?.share ?? 0, 0) } } : {}),
      })),
    };
  }, [emotions, language, format]);
  const table = {
    columns: [t("insights.emotions.emotion"), t("insights.distribution.count"), t("insights.distribution.share"), ...[1, 2, 3].map((i) => intensityLabels[language][i as 1 | 2 | 3])],
    rows: emotions.map((e, i) => [names[i]!, format.number(e.mentions), format.percent(e.share, 1), ...e.byIntensity.map((c) => format.number(c))]),
  };
  return <Chart title={title} option={option} table={table} filename={filename} height={Math.max(200, 34 * emotions.length + 50)} />;
}
