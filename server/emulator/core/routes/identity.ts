import type { EmulatorApp } from '../context.ts';
import { json } from '../http.ts';

interface AccountRow {
  id: number;
  name: string;
  description: string;
  company: string;
  customer_id: number;
  customer_name: string;
  license_id: number;
}

// restv3/rest-get-identity.md — the example uses a lowercase `id` (the property table says `ID`).
export function registerIdentityRoutes(app: EmulatorApp): void {
  app.get('/identity', (c) => {
    const a = c.get('ctx').db.prepare('SELECT * FROM account LIMIT 1').get() as AccountRow;
    return json({
      id: String(a.id),
      name: a.name,
      description: a.description,
      company: a.company,
      customer: { id: String(a.customer_id), name: a.customer_name, isPartner: false },
      usedBy: [],
      license: { id: String(a.license_id), isTrial: false },
    });
  });
}
