/**
 * A stand-in for uPlot in tests: jsdom has no canvas. Use with
 * `vi.mock('uplot', () => import('<path>/testing/fakeUplot'))`; `plots` records every chart.
 */
export interface PlotRecord {
  /** The options the chart was created with (uPlot.Options). */
  readonly options: unknown;
  data: unknown[][];
  destroyed: boolean;
}

export const plots: PlotRecord[] = [];

export default class FakeUplot {
  private readonly record: PlotRecord;

  constructor(options: unknown, data: unknown[][]) {
    this.record = { options, data, destroyed: false };
    plots.push(this.record);
  }

  setData(data: unknown[][]): void {
    this.record.data = data;
  }

  setSize(): void {}

  destroy(): void {
    this.record.destroyed = true;
  }
}
