// GET /consumption?begin=YYYY-MM-DD&end=YYYY-MM-DD (restv3/rest-get-consumption.md; docs/api/emailings.md §11.1).
// `emails` counts the destinations sent in the period (both days included, nd); the emulator sends no texts,
// faxes or tests and does not count web pages or API calls, so those are 0.
import type { EmulatorApp } from '../../core/context.ts';
import { ApiError, json } from '../../core/http.ts';
import { DAY, dateParam } from '../time.ts';
import { dbOf, nowOf, queryOf } from './common.ts';

export function registerConsumptionRoutes(app: EmulatorApp): void {
  app.get('/consumption', (c) => {
    const q = queryOf(c);
    const begin = dateParam('begin', q.get('begin'), nowOf(c));
    const end = dateParam('end', q.get('end'), nowOf(c));
    // Both are documented as required; the message is ours (modelled on "URL parameter fields is required").
    if (begin === undefined) throw new ApiError('URL parameter begin is required');
    if (end === undefined) throw new ApiError('URL parameter end is required');
    const day = (ts: number) => ts - (((ts % DAY) + DAY) % DAY);
    const emails = dbOf(c)
      .prepare('SELECT COUNT(*) FROM destination WHERE timestampsent >= ? AND timestampsent < ?')
      .pluck()
      .get(day(begin), day(end) + DAY) as number;
    return json({ emails, texts: 0, fax: 0, webpages: 0, apicalls: 0, litmustests: 0, twofiftyoktests: 0 });
  });
}
