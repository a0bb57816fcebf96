// How often each topic comes up over the period (the five most mentioned), as a line chart with its
// data table and PNG download (ui/chart.tsx), grouped by day, week or month to fit the period.
import { useEffect, useMemo, useState } from "react";
import { intlLocales } from "../../../core/i18n/messages.js";
import type { TopicCode } from "../../../core/text/types.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { axisStyle, baseOption, Chart, chartPalette, type ChartOption } from "../../ui/chart.js";
import { Callout } from "../../ui/callout.js";
import { Spinner } from "../../ui/page.js";
import { voiceApi, type TextTrends } from "./voice-api.js";
import { intervalFor, scopeFilter, type VoiceFilters } from "./voice-filters.js";
import type { VoiceFormat } from "./voice-format.js";

const shownTopics = 5;

export function TrendsPanel({ orgId, filters, format }: { orgId: string; filters: VoiceFilters; format: VoiceFormat }) {
  const { t, language } = useI18n();
  const [trends, setTrends] = useState<TextTrends | null>(null);
  const [error, setError] = useState<string | null>(null);
  const interval = intervalFor(filters.days);
  const key = JSON.stringify([filters.days, filters.journeyId, filters.touchpointId, filters.source]);

  useEffect(() => {
    let current = true;
    setError(null);
    voiceApi
      .trends(orgId, scopeFilter(filters), interval)
      .then((loaded) => current && setTrends(loaded))
      .catch((failure) => current && setError(describeProblem(t, failure)));
    return () => {
      current = false;
    };
    // The key lists the filters the trends depend on; `t` only words errors.
  }, [orgId, key]);

  const chart = useMemo(() => {
    if (!trends) return null;
    const totals = new Map<TopicCode, number>();
    // "Other topics" names no aspect, so it does not compete for the five lines worth following.
    for (const point of trends.points) for (const topic of point.topics) if (topic.topic !== "other") totals.set(topic.topic, (totals.get(topic.topic) ?? 0) + topic.count);
    const topics = [...totals.entries()]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, shownTopics)
      .map(([topic]) => topic);
    const dateFormat = new Intl.DateTimeFormat(intlLocales[language], interval === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" });
    const labels = trends.points.map((point) => {
      const date = new Date(point.start.length === 10 ? `${point.start}T00:00:00Z` : point.start);
      return Number.isNaN(date.getTime()) ? point.start : dateFormat.format(date);
    });
    const countOf = (point: TextTrends["points"][number], topic: TopicCode) => point.topics.find((x) => x.topic === topic)?.count ?? 0;
    const option: ChartOption = {
      ...baseOption(),
      legend: { top: 0, left: 0, icon: "roundRect", itemWidth: 10, itemHeight: 10, textStyle: { color: "#555b68" } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { ...(baseOption().tooltip as object), trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: labels, ...axisStyle, splitLine: { show: false } },
      yAxis: { type: "value", minInterval: 1, ...axisStyle },
      series: topics.map((topic, index) => ({
        name: format.topic(topic),
        // Stacked bars: each period's mentions, split by topic (sparse days read better than spiky lines).
        type: "bar",
        stack: "topics",
        barMaxWidth: 28,
        data: trends.points.map((point) => countOf(point, topic)),
        color: chartPalette[index % chartPalette.length],
        emphasis: { focus: "series" },
      })),
    };
    const table = {
      columns: [t("voice.trends.column.period"), ...topics.map((topic) => format.topic(topic)), t("voice.trends.column.texts")],
      rows: trends.points.map((point, index) => [labels[index] ?? point.start, ...topics.map((topic) => format.count(countOf(point, topic))), format.count(point.texts)]),
    };
    const total = trends.points.reduce((sum, point) => sum + point.texts, 0);
    const top = topics[0];
    const summary = top ? t("voice.trends.summary", { topic: format.topic(top), count: format.count(totals.get(top) ?? 0), total: format.count(total) }) : undefined;
    return { option, table, topics, summary };
  }, [trends, language, format, t, interval]);

  return (
    <section className="panel vc-trends" aria-labelledby="voice-trends-title">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="voice-trends-title">
            {t("voice.trends.title")}
          </h2>
          <p className="panel__description">{t(`voice.trends.description.${interval}`)}</p>
        </div>
      </div>
      <div className="panel__body">
        {error ? (
          <Callout tone="danger">{error}</Callout>
        ) : !chart ? (
          <Spinner label={t("common.loading")} />
        ) : chart.topics.length === 0 ? (
          <p className="vc-muted">{t("voice.trends.empty")}</p>
        ) : (
          <Chart title={t("voice.trends.chartTitle")} option={chart.option} table={chart.table} height={260} filename={t("voice.trends.filename")} {...(chart.summary ? { summary: chart.summary } : {})} />
        )}
      </div>
    </section>
  );
}
