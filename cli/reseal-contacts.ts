/**
 * After rotating PANEL_CONTACT_KEYS (README: rotating the contact key), re-seals every panel
 * member's contact details under the first key, so the old key can then be removed.
 *
 *   PANEL_CONTACT_KEYS=k2:NEW…,k1:OLD… DATABASE_URL=file:./data/hubvoice.db npx tsx cli/reseal-contacts.ts
 */
import { openClient } from '../db/client';
import { resealContacts } from '../db/panels';
import { createStore } from '../db/store';
import { parseConfig } from '../server/config';
import { contactSealer } from '../server/contact-crypto';

const config = parseConfig(process.env);
if (!config.PANEL_CONTACT_KEYS) {
  console.error('Set PANEL_CONTACT_KEYS, the new key first.');
  process.exit(1);
}
const client = await openClient(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
const sealer = contactSealer(config.PANEL_CONTACT_KEYS);
const count = await resealContacts(createStore(client).db, sealer);
console.log(`Re-sealed ${count} contact${count === 1 ? '' : 's'} with key "${sealer.currentKeyId}".`);
client.close();
