/**
 * Charts drawn on the server as SVG (Vega-Lite, see ../shared/reference/libraries.md §3): no
 * JavaScript in the browser, and each chart sits beside its data table and a sentence saying what
 * it shows. Vega puts no title or description on the root <svg>, so they are added here.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { escapeHtml } from './escape-html.js';

export interface ActualAndForecast {
  id: string;
  title: string;
  /** One or two sentences for screen readers: what the chart shows and its main point. */
  description: string;
  yTitle: string;
  actual: readonly { month: string; count: number }[];
  forecast: readonly { month: string; expected: number; low: number; high: number }[];
}

const FONT = 'Arial, Helvetica, sans-serif';

/** Monthly actuals as a line, the forecast as a dashed line in its shaded interval. */
export async function actualAndForecastSvg(chart: ActualAndForecast): Promise<string> {
  const last = chart.actual[chart.actual.length - 1];
  // The forecast line starts at the last actual month so the two lines meet.
  const forecast = [...(last ? [{ month: last.month, expected: last.count, low: last.count, high: last.count }] : []), ...chart.forecast];
  const spec: vl.TopLevelSpec = {
    width: 640,
    height: 220,
    config: { font: FONT, axis: { labelFontSize: 12, titleFontSize: 12 }, view: { stroke: null } },
    layer: [
      {
        data: { values: forecast.map((f) => ({ ...f })) },
        mark: { type: 'area', color: '#b1b4b6', opacity: 0.45 },
        encoding: { x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: null }, y: { field: 'low', type: 'quantitative', title: chart.yTitle }, y2: { field: 'high' } },
      },
      {
        data: { values: forecast.map((f) => ({ ...f })) },
        mark: { type: 'line', color: '#505a5f', strokeDash: [6, 4], strokeWidth: 2 },
        encoding: { x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth' }, y: { field: 'expected', type: 'quantitative' } },
      },
      {
        data: { values: chart.actual.map((a) => ({ ...a })) },
        mark: { type: 'line', color: '#1d70b8', strokeWidth: 2, point: { filled: true, size: 20 } },
        encoding: { x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth' }, y: { field: 'count', type: 'quantitative' } },
      },
    ],
  };
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const id = escapeHtml(chart.id);
    return svg.replace(
      /<svg\b([^>]*)>/,
      (_m, attrs: string) => `<svg${attrs} role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"><title id="${id}-title">${escapeHtml(chart.title)}</title><desc id="${id}-desc">${escapeHtml(chart.description)}</desc>`,
    );
  } finally {
    view.finalize();
  }
}
