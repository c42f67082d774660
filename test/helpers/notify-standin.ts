/**
 * A local HTTP stand-in for GOV.UK Notify: it checks each request as Notify would (the path, a JSON
 * body of the documented shape, and `Authorization: Bearer {JWT}` signed HS256 with the key's
 * secret, `iss` the service id, `iat` within 30 s) and keeps what it accepted. Anything else is
 * answered 400/403 in Notify's error shape and kept in `refused`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

export const NOTIFY_SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
export const NOTIFY_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const NOTIFY_KEY = `hubvoice_test-${NOTIFY_SERVICE_ID}-${NOTIFY_SECRET}`;
export const EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
export const SMS_TEMPLATE = '7ae11d2b-4d4e-4b1c-9f4a-1b8f5c2f3e55';

export interface NotifyRequest {
  kind: 'email' | 'sms';
  body: Record<string, any>;
  claims: { iss: string; iat: number };
}

export interface NotifyStandIn {
  url: string;
  accepted: NotifyRequest[];
  refused: { path: string; reason: string }[];
  close: () => Promise<void>;
}

const b64 = (text: string) => Buffer.from(text, 'base64url').toString('utf8');

function checkJwt(header: string | undefined): { claims?: NotifyRequest['claims']; reason?: string } {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) return { reason: 'no bearer token' };
  const [head, payload, signature] = token.split('.');
  if (!head || !payload || !signature) return { reason: 'not a JWT' };
  const alg = JSON.parse(b64(head)) as { alg?: string; typ?: string };
  if (alg.alg !== 'HS256') return { reason: `alg ${alg.alg}` };
  const expected = createHmac('sha256', NOTIFY_SECRET).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { reason: 'bad signature' };
  const claims = JSON.parse(b64(payload)) as NotifyRequest['claims'];
  if (claims.iss !== NOTIFY_SERVICE_ID) return { reason: `iss ${claims.iss}` };
  if (typeof claims.iat !== 'number' || Math.abs(claims.iat - Date.now() / 1000) > 30) return { reason: `iat ${claims.iat}` };
  return { claims };
}

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });

export async function startNotifyStandIn(): Promise<NotifyStandIn> {
  const accepted: NotifyRequest[] = [];
  const refused: NotifyStandIn['refused'] = [];
  const server = createServer(async (request, response) => {
    const path = request.url ?? '';
    const refuse = (status: number, reason: string) => {
      refused.push({ path, reason });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status_code: status, errors: [{ error: status === 403 ? 'AuthError' : 'BadRequestError', message: reason }] }));
    };
    const kind = path === '/v2/notifications/email' ? 'email' : path === '/v2/notifications/sms' ? 'sms' : null;
    if (request.method !== 'POST' || !kind) return refuse(404, `no such endpoint ${request.method} ${path}`);
    const jwt = checkJwt(request.headers.authorization);
    if (!jwt.claims) return refuse(403, jwt.reason ?? 'bad token');
    if (!String(request.headers['content-type']).startsWith('application/json')) return refuse(400, 'not JSON');
    let body: Record<string, any>;
    try {
      body = JSON.parse(await read(request));
    } catch {
      return refuse(400, 'bad JSON');
    }
    const to = kind === 'email' ? body.email_address : body.phone_number;
    const template = kind === 'email' ? EMAIL_TEMPLATE : SMS_TEMPLATE;
    if (typeof to !== 'string' || !to) return refuse(400, `${kind === 'email' ? 'email_address' : 'phone_number'} is required`);
    if (body.template_id !== template) return refuse(400, `template ${body.template_id} not found`);
    if (typeof body.personalisation?.body !== 'string') return refuse(400, 'Missing personalisation: body');
    if (kind === 'email' && typeof body.personalisation?.subject !== 'string') return refuse(400, 'Missing personalisation: subject');
    accepted.push({ kind, body, claims: jwt.claims });
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: crypto.randomUUID(),
        reference: body.reference ?? null,
        content: { body: body.personalisation.body },
        uri: '',
        template: { id: template },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, accepted, refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
