/**
 * Panel members' contact details sealed at rest with AES-256-GCM through Web Crypto (the same on
 * Node and Workers). Keys come from config (`PANEL_CONTACT_KEYS`: `id:base64key,…`): the first seals,
 * any opens, so a key is rotated by putting a new one first and re-sealing (README).
 * A sealed value is `{keyId}.{iv}.{ciphertext}` in base64url; the member id is bound in as
 * additional data, so a sealed value copied onto another member does not open.
 */
export interface Contact {
  name?: string | undefined;
  email?: string | undefined;
  /** A UK mobile in +44 form. */
  phone?: string | undefined;
}

export class ContactKeysMissing extends Error {
  override name = 'ContactKeysMissing';
  constructor() {
    super('PANEL_CONTACT_KEYS is not set: panel contact details cannot be stored or read.');
  }
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromB64 = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export interface ContactSealer {
  currentKeyId: string;
  seal(memberId: string, contact: Contact): Promise<string>;
  open(memberId: string, sealed: string): Promise<Contact>;
  /** Whether a sealed value was sealed with an older key (for re-sealing after a rotation). */
  isStale(sealed: string): boolean;
}

export function contactSealer(config: string | undefined): ContactSealer {
  const entries = (config ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [id, key] = pair.split(':') as [string, string];
      return { id, key: crypto.subtle.importKey('raw', fromB64(key), 'AES-GCM', false, ['encrypt', 'decrypt']) };
    });
  const keys = new Map(entries.map((e) => [e.id, e.key]));
  const current = entries[0];
  const need = () => {
    if (!current) throw new ContactKeysMissing();
    return current;
  };
  return {
    currentKeyId: current?.id ?? '',
    async seal(memberId, contact) {
      const { id, key } = need();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(contact));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(memberId) }, await key, plain);
      return `${id}.${b64url(iv)}.${b64url(new Uint8Array(sealed))}`;
    },
    async open(memberId, sealed) {
      need();
      const [id = '', iv = '', body = ''] = sealed.split('.');
      const key = keys.get(id);
      if (!key) throw new Error(`contact sealed with key "${id}", which is no longer configured`);
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromB64(iv), additionalData: new TextEncoder().encode(memberId) },
        await key,
        fromB64(body),
      );
      return JSON.parse(new TextDecoder().decode(plain)) as Contact;
    },
    isStale: (sealed) => sealed.split('.')[0] !== current?.id,
  };
}

/**
 * A UK mobile number in +447… form, or null: accepts 07…, 447…, +44 7…, with spaces, dashes and brackets.
 * @example ukMobile('07700 900123') // '+447700900123'
 */
export function ukMobile(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  const match = /^(?:\+44|0044|44|0)(7\d{9})$/.exec(digits);
  return match ? `+44${match[1]}` : null;
}
