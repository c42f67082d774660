/** Each organisation's general feedback form (`settings.generalFormCode`), where a family with a wrong code is sent. */
import { organisations } from './schema';
import type { Db } from './store';

export interface GeneralForm {
  organisation: string;
  code: string;
}

export async function generalForms(db: Db): Promise<GeneralForm[]> {
  const rows = await db.select({ name: organisations.name, settings: organisations.settings }).from(organisations);
  return rows.flatMap((row) => (row.settings.generalFormCode ? [{ organisation: row.name, code: row.settings.generalFormCode }] : []));
}
