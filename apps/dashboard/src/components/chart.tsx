import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  /** Dashed line for secondary series (e.g. TTFT next to latency). */
  dash?: boolean;
}

interface ChartProps {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** [x (epoch s), ...one array per series]. */
  data: Array<Array<number | null>>;
}

/**
 * A uPlot line chart. Created once; new data goes in through setData, so a refresh redraws in place (no
 * flicker, no layout jump). Sized to its container, also when the window narrows.
 */
export function Chart({ title, unit, series, data }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = holder.current!;
    plot.current = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: 200,
        series: [
          { value: (_u: uPlot, seconds: number | null) => (seconds === null ? '—' : fullTime(seconds)) },
          ...series.map((one) => ({
            label: one.label,
            stroke: one.color,
            width: 2,
            dash: one.dash ? [6, 4] : undefined,
            points: { filter: isolatedPoints },
            value: (_u: uPlot, value: number | null) => (value === null ? '—' : `${round(value)} ${unit}`),
          })),
        ],
        axes: [
          { values: (_u, splits) => splits.map((seconds) => axisTime(seconds, splits)) },
          { size: 60, values: (_u, values) => values.map((value) => `${round(value)}`) },
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      },
      data as uPlot.AlignedData,
      element,
    );
    const observer = new ResizeObserver(() =>
      plot.current?.setSize({ width: Math.max(element.clientWidth, 200), height: 200 }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // The series set is fixed per chart; only the data changes.
  }, []);

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <figure class="chart">
      <figcaption>
        {title} <span class="unit">({unit})</span>
      </figcaption>
      <div ref={holder} role="img" aria-label={`${title} chart; the table view is on the Requests page`} />
    </figure>
  );
}

/** 24-hour clock; the day too when the axis spans more than a day. */
function axisTime(seconds: number, splits: number[]): string {
  const date = new Date(seconds * 1000);
  const hm = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  const span = splits.length > 1 ? splits[splits.length - 1] - splits[0] : 0;
  return span > 86_400 ? `${date.toLocaleDateString('en-GB', { day: '2-digit', month: 'short' })} ${hm}` : hm;
}

function fullTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString('en-GB', { hour12: false });
}

function round(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(1);
  return value.toFixed(3);
}

/**
 * A value with no neighbours (e.g. latency in the one minute that had traffic) draws no line; uPlot hides points
 * on dense charts, so those lone values are drawn as points, or the chart would look empty.
 */
function isolatedPoints(u: uPlot, seriesIdx: number, show: boolean): number[] | null {
  if (show) return null;
  const values = u.data[seriesIdx] as Array<number | null | undefined>;
  const lone: number[] = [];
  values.forEach((value, index) => {
    if (value !== null && value !== undefined && values[index - 1] == null && values[index + 1] == null) {
      lone.push(index);
    }
  });
  return lone.length > 0 ? lone : null;
}
