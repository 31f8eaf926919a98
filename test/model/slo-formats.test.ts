// The SLO formats (src/model/slo/): which documents each recognises, how a message names them, and
// the objectives it reads (name, service, target in percent and its pointer, window, kind); and the
// index the catalog rules look objectives up in.
import { describe, expect, it } from 'vitest';
import { SLO_FORMATS, SloIndex, recogniseSlo, type Slo } from '../../src/model/slo/index.js';
import { openslo } from '../../src/model/slo/openslo.js';
import { sloth } from '../../src/model/slo/sloth.js';

const DAY = 86_400;

describe('recogniseSlo', () => {
  it('offers a document to OpenSLO, then Sloth', () => {
    expect(SLO_FORMATS.map((f) => f.id)).toEqual(['openslo', 'sloth']);
    expect(recogniseSlo({ apiVersion: 'openslo/v1', kind: 'SLO' })).toEqual({ kind: 'slo', format: openslo });
    expect(recogniseSlo({ apiVersion: 'openslo/v1alpha', kind: 'SLO' })).toEqual({ kind: 'slo', format: openslo });
    expect(recogniseSlo({ apiVersion: 'openslo/v1', kind: 'Service' })).toEqual({ kind: 'other', format: openslo });
    expect(recogniseSlo({ apiVersion: 'openslo/v2', kind: 'SLO' })).toEqual({ kind: 'other', format: openslo });
    expect(recogniseSlo({ version: 'prometheus/v1', service: 'x', slos: [] })).toEqual({ kind: 'slo', format: sloth });
    expect(recogniseSlo({ version: 'prometheus/v1', service: 'x' })).toBeUndefined();
    expect(recogniseSlo({ version: 'prometheus/v1', slos: [] })).toBeUndefined();
    expect(recogniseSlo({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component' })).toBeUndefined();
    expect(recogniseSlo(null)).toBeUndefined();
    expect(recogniseSlo(['openslo/v1'])).toBeUndefined();
  });

  it('takes only a version string for OpenSLO, and only exactly prometheus/v1 for Sloth', () => {
    expect(openslo.recognise({ apiVersion: 1, kind: 'SLO' })).toBeUndefined();
    expect(openslo.recognise({ apiVersion: 'xopenslo/v1', kind: 'SLO' })).toBeUndefined();
    expect(openslo.recognise({ apiVersion: 'openslo/v1x', kind: 'SLO' })).toBe('other');
    expect(openslo.recognise({ apiVersion: 'openslo/v1', kind: 'slo' })).toBe('other');
    expect(sloth.recognise({ version: 'prometheus/v1 ', service: 'x', slos: [] })).toBeUndefined();
    expect(sloth.recognise([])).toBeUndefined();
    // A list that reads as the version when made text is still no version.
    expect(openslo.recognise({ apiVersion: ['openslo/v1'], kind: 'SLO' })).toBeUndefined();
  });

  it('states each format by its marker, schema and title', () => {
    expect(openslo.marker.key).toBe('apiVersion');
    expect(openslo.marker.value.test('openslo/v1')).toBe(true);
    expect(openslo.marker.value.test('x-openslo/v1')).toBe(false);
    expect(sloth.marker.key).toBe('version');
    expect(sloth.marker.value.test('prometheus/v1')).toBe(true);
    expect(sloth.marker.value.test('prometheus/v10')).toBe(false);
    expect([openslo.schema, sloth.schema]).toEqual(['openslo.schema.json', 'sloth.schema.json']);
    expect([openslo.title, sloth.title]).toEqual(['an OpenSLO SLO', 'a Sloth SLO file']);
  });
});

describe('openslo', () => {
  it('names the SLO in messages by its name, when it has one', () => {
    expect(openslo.subject({ metadata: { name: ' checkout-availability ' } })).toBe('the OpenSLO SLO "checkout-availability"');
    expect(openslo.subject({ metadata: { name: '' } })).toBe('an OpenSLO SLO');
    expect(openslo.subject({ metadata: 'x' })).toBe('an OpenSLO SLO');
    expect(openslo.subject({})).toBe('an OpenSLO SLO');
  });

  it('reads one objective of v1 with a ratio target and a window', () => {
    const doc = {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'checkout-availability' },
      spec: { service: 'checkout', timeWindow: [{ duration: '28d', isRolling: true }], objectives: [{ target: 0.999 }] },
    };
    expect(openslo.objectives(doc)).toEqual([
      { name: 'checkout-availability', service: 'checkout', target: 99.9, targetPointer: '/spec/objectives/0/target', window: 28 * DAY, windowText: '28d', kind: 'availability' },
    ]);
  });

  it('names several objectives after the SLO and their own names or numbers, with targetPercent and v1alpha windows', () => {
    const doc = {
      metadata: { displayName: 'Checkout' },
      spec: {
        service: 'checkout',
        timeWindows: [{ unit: 'Day', count: 30 }],
        objectives: [{ displayName: 'uptime', targetPercent: 99.5 }, 'not an objective', { op: 'lte', value: 300 }],
      },
    };
    expect(openslo.objectives(doc)).toEqual([
      { name: 'Checkout (uptime)', service: 'checkout', target: 99.5, targetPointer: '/spec/objectives/0/targetPercent', window: 30 * DAY, windowText: '30 Day', kind: 'availability' },
      { name: 'Checkout (objective 3)', service: 'checkout', target: undefined, targetPointer: '/spec/objectives/2', window: 30 * DAY, windowText: '30 Day', kind: 'other' },
    ]);
  });

  it('falls back to the service for a name, and keeps a window it cannot read unread', () => {
    const [o] = openslo.objectives({ metadata: {}, spec: { service: 'checkout', timeWindows: [{ unit: 'Fortnight', count: 2 }], objectives: [{ target: 2 }] } });
    expect(o).toEqual({ name: 'checkout', service: 'checkout', target: undefined, targetPointer: '/spec/objectives/0/target', window: undefined, windowText: undefined, kind: 'availability' });
    const [none] = openslo.objectives({ spec: { service: 'checkout', timeWindow: 'monthly', timeWindows: 'x', objectives: [{}] } });
    expect(none).toMatchObject({ name: 'checkout', window: undefined, windowText: undefined, targetPointer: '/spec/objectives/0' });
    expect(none).not.toHaveProperty('window', 0);
  });

  it('takes v1 over v1alpha when a document has both, and reads an unreadable v1 duration as no window', () => {
    const both = { spec: { service: 's', timeWindow: [{ duration: '7d' }], timeWindows: [{ unit: 'Day', count: 30 }], objectives: [{ target: 0.99 }] } };
    expect(openslo.objectives(both)[0]).toMatchObject({ window: 7 * DAY, windowText: '7d' });
    const bad = { spec: { service: 's', timeWindow: [{ duration: 'weekly' }], objectives: [{ target: 0.99 }] } };
    expect(openslo.objectives(bad)[0]).toMatchObject({ window: undefined, windowText: 'weekly' });
    const notObj = { spec: { service: 's', timeWindow: ['7d'], timeWindows: [{ unit: 'Week', count: 1 }], objectives: [{ target: 0.99 }] } };
    expect(openslo.objectives(notObj)[0]).toMatchObject({ window: 7 * DAY, windowText: '1 Week' });
  });

  it('has no objectives without a service or a list of them', () => {
    expect(openslo.objectives({ spec: { objectives: [{ target: 0.99 }] } })).toEqual([]);
    expect(openslo.objectives({ spec: { service: '  ', objectives: [{ target: 0.99 }] } })).toEqual([]);
    expect(openslo.objectives({ spec: { service: 's', objectives: { target: 0.99 } } })).toEqual([]);
    expect(openslo.objectives({ spec: 'x' })).toEqual([]);
    expect(openslo.objectives({})).toEqual([]);
  });

  it("judges the kind by the objective's words, its threshold, then the SLO's name, description and indicator", () => {
    const kind = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'checkout' }) => openslo.objectives({ metadata, spec: { service: 's', objectives: [{ target: 0.99 }], ...spec } })[0]?.kind;
    expect(kind({})).toBe('availability');
    expect(kind({}, { name: 'checkout-latency' })).toBe('other');
    expect(kind({}, { name: 'checkout', displayName: 'Checkout latency' })).toBe('other');
    expect(kind({ description: 'p99 under 300ms' })).toBe('other');
    expect(kind({ indicator: { metadata: { name: 'freshness' } } })).toBe('other');
    expect(kind({ indicator: { metadata: 'freshness' } })).toBe('availability');
    expect(kind({ indicator: 'freshness' })).toBe('availability');
    expect(kind({ indicatorRef: 'queue-lag' })).toBe('other');
    expect(kind({ objectives: [{ target: 0.99, indicatorRef: 'latency-sli' }] })).toBe('other');
    expect(kind({ objectives: [{ target: 0.99, indicatorRef: 'uptime-sli' }] }, { name: 'checkout-latency' })).toBe('availability');
    expect(kind({ objectives: [{ target: 0.99, displayName: 'errors' }] }, { name: 'checkout-latency' })).toBe('availability');
    expect(kind({ objectives: [{ target: 0.99, op: 'lte' }] })).toBe('other');
  });
});

describe('sloth', () => {
  it('names the file in messages by its service, when it has one', () => {
    expect(sloth.subject({ service: ' checkout ' })).toBe('the Sloth SLOs of "checkout"');
    expect(sloth.subject({ service: 3 })).toBe('a Sloth SLO file');
  });

  it("reads each SLO with its objective in percent, over Sloth's default period", () => {
    const doc = {
      version: 'prometheus/v1',
      service: 'checkout',
      slos: [{ name: 'requests-availability', objective: 99.9 }, 7, { objective: 'high' }, {}],
    };
    expect(sloth.objectives(doc)).toEqual([
      { name: 'requests-availability', service: 'checkout', target: 99.9, targetPointer: '/slos/0/objective', window: 30 * DAY, windowText: "30d (Sloth's default period)", kind: 'availability' },
      { name: 'checkout SLO 3', service: 'checkout', target: undefined, targetPointer: '/slos/2/objective', window: 30 * DAY, windowText: "30d (Sloth's default period)", kind: 'availability' },
      { name: 'checkout SLO 4', service: 'checkout', target: undefined, targetPointer: '/slos/3', window: 30 * DAY, windowText: "30d (Sloth's default period)", kind: 'availability' },
    ]);
  });

  it('has no objectives without a service or a list of SLOs', () => {
    expect(sloth.objectives({ slos: [{ objective: 99 }] })).toEqual([]);
    expect(sloth.objectives({ service: 'checkout', slos: { objective: 99 } })).toEqual([]);
  });

  it("judges the kind by the SLO's name and description, then its labels and alert's", () => {
    const kind = (slo: Record<string, unknown>) => sloth.objectives({ service: 's', slos: [{ objective: 99, ...slo }] })[0]?.kind;
    expect(kind({ name: 'latency' })).toBe('other');
    expect(kind({ description: 'p95 below 1s' })).toBe('other');
    expect(kind({ name: 'requests-availability', description: 'latency' })).toBe('availability');
    expect(kind({ labels: { category: 'latency' } })).toBe('other');
    expect(kind({ labels: { category: 7 } })).toBe('availability');
    expect(kind({ labels: { category: ['latency'] } })).toBe('availability');
    expect(kind({ labels: ['latency'] })).toBe('availability');
    expect(kind({ alerting: { labels: { team: 'freshness' } } })).toBe('other');
    expect(kind({ alerting: { name: 'CheckoutHighLatency' } })).toBe('other');
    expect(kind({ alerting: { name: 'CheckoutLatencyErrors' } })).toBe('availability');
    expect(kind({ alerting: 'latency' })).toBe('availability');
  });
});

describe('SloIndex', () => {
  const slo = (service: string, kind: 'availability' | 'other', name: string): Slo => ({ service, kind, name }) as Slo;
  const a = slo('checkout', 'availability', 'a');
  const b = slo('Checkout', 'other', 'b');
  const c = slo('CHECKOUT', 'availability', 'c');
  const d = slo('payments', 'availability', 'd');

  it("gives a service's availability objectives in file order, its name in any case", () => {
    const index = new SloIndex([a, b, c, d]);
    expect(index.of('checkout')).toEqual([a, c]);
    expect(index.of('Checkout')).toEqual([a, c]);
    expect(index.of('payments')).toEqual([d]);
  });

  it('gives all of them when asked, and none for an unnamed or unknown service', () => {
    const index = new SloIndex([a, b, c, d]);
    expect(index.of('checkout', true)).toEqual([a, b, c]);
    expect(index.of(null)).toEqual([]);
    expect(index.of(null, true)).toEqual([]);
    expect(index.of('orders', true)).toEqual([]);
    expect(new SloIndex().of('checkout', true)).toEqual([]);
    expect(index.all).toEqual([a, b, c, d]);
  });
});
