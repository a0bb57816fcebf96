// The ECharts half of <Chart>: loaded on first use (React.lazy), so the dashboard's first page does
// not carry the chart library. Only the charts and components the dashboard draws are registered.
// The canvas renderer makes "download PNG" a getDataURL call; tooltips render in the canvas too
// (renderMode richText), since the page's CSP allows no inline styles for an HTML tooltip.
import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { ChartHandle, ChartOption } from "./chart.js";

echarts.use([LineChart, BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer]);

export default function ChartCanvas({ option, height, onReady }: { option: ChartOption; height: number; onReady(handle: ChartHandle | null): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "canvas", locale: "EN" });
    chartRef.current = chart;
    onReady({ toPng: (background) => chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: background }) });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      onReady(null);
      chart.dispose();
      chartRef.current = null;
    };
    // onReady is a stable setter from the parent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart__canvas" aria-hidden="true" style={{ height }} />;
}
