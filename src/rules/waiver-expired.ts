import { formatDay } from '../model/units.js';
import type { WaiverRule } from './types.js';
import { named, reported } from './types.js';

export const waiverExpired: WaiverRule = {
  scope: 'waivers',
  meta: {
    id: 'waiver-expired',
    area: null,
    severity: 'error',
    description: 'A waiver is past its expires date, or runs longer than waivers.maxDays from today; it suppresses nothing.',
    rationale:
      'A waiver is a risk accepted for a while, by someone accountable, with a date to look at it again. Past that date, or with a date so far away that nobody will, it stops being a managed exception and becomes a permanent hole in the warranty that no review will see. So an expired waiver waives nothing.',
    remediation:
      'Fix what the waiver covered and delete the waiver, or have it approved again with an expires date within waivers.maxDays (180 days by default) of today.',
    examples: {
      fail:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n  waivers:\n    - rule: warranty-area-missing  # <-- flagged\n      reason: Capacity, continuity and security are being written with the new platform team.\n      approvedBy: head-of-service\n      expires: 2026-06-30   # linted on 2026-11-26: already past\n',
      pass:
        'apiVersion: warranty-lint/v1\nkind: Service\nmetadata: { name: search, owner: team-search, tier: low, lifecycleStage: design }\nspec:\n  warranty:\n    availability: { target: 99.5, window: 30d, serviceHours: 24x7 }\n  waivers:\n    - rule: warranty-area-missing\n      reason: Capacity, continuity and security are being written with the new platform team.\n      approvedBy: head-of-service\n      expires: 2027-01-31   # linted on 2026-11-26: within 180 days\n',
    },
  },
  positions: (service) => service.waivers.map((w) => w.pointer),
  *check(ctx) {
    const { today, config } = ctx;
    const maxDays = config.waivers.maxDays;
    for (const service of reported(ctx)) {
      if (service.name === null) continue;
      for (const w of service.waivers) {
        if (w.expires === undefined) continue; // a missing or malformed date is the schema's finding
        const what = `${named(service)} has a waiver${w.rule ? ` for ${w.rule}` : ''}`;
        if (w.expires < today) {
          yield { service, pointer: w.pointer, message: `${what} that expired on ${formatDay(w.expires)}; it no longer suppresses anything.` };
        } else if (w.expires - today > maxDays) {
          yield {
            service,
            pointer: w.pointer,
            message: `${what} that runs until ${formatDay(w.expires)}, ${w.expires - today} days from today, longer than the ${maxDays} days waivers.maxDays allows; it suppresses nothing until its expiry is brought within that limit.`,
          };
        }
      }
    }
  },
};
