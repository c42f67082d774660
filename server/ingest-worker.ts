/**
 * The thread side of server/ingest-thread.ts: its own connection to the libSQL file, the
 * organisations' theme models, and a `ResponseWriter` that reads each batch's free text and
 * commits it, answering each message once all its rows are committed or refused.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultModel, loadModel } from '../analysis/text';
import { EmbeddedResponseStore } from '../db/embedded-writes';
import { ResponseWriter } from '../db/response-writer';
import type { WriteAnswer, WriteRequest, WriterThreadData } from './ingest-thread';
import { readFreeText, type ReadingModel, type ReceivedResponse } from './text-pipeline';

const data = workerData as WriterThreadData;
const port = parentPort!;
const store = new EmbeddedResponseStore(data.path);
const fallback: ReadingModel = { model: defaultModel(), version: 'default' };
const models = new Map<string, { version: number; reading: ReadingModel }>();

/**
 * The organisation's newest saved model, else the default. The version is asked once per batch,
 * so a model saved by any process is used from the next batch on.
 */
function modelFor(organisationId: string): ReadingModel {
  const latest = store.latestThemeModelVersion(organisationId);
  if (latest === null) return fallback;
  const cached = models.get(organisationId);
  if (cached?.version === latest) return cached.reading;
  const reading = { model: loadModel(store.themeModelJson(organisationId, latest)), version: `v${latest}` };
  models.set(organisationId, { version: latest, reading });
  return reading;
}

// Each message is a whole batch (the main thread sends the next only when this one is answered),
// so the writer commits what one message brings without waiting for more.
const writer = new ResponseWriter<ReceivedResponse>(async (batch) => {
  const reading = new Map<string, ReadingModel>();
  const responses = batch.map((received) => {
    let model = reading.get(received.organisationId);
    if (!model) reading.set(received.organisationId, (model = modelFor(received.organisationId)));
    return readFreeText(model, received);
  });
  return store.write(responses);
}, 2000, 0);

port.on('message', ({ seq, responses }: WriteRequest) => {
  void Promise.allSettled(responses.map((response) => writer.submit(response))).then((settled) => {
    const outcomes = settled.map((s): WriteAnswer['outcomes'][number] =>
      s.status === 'fulfilled' ? { ok: true, committed: s.value } : { ok: false, message: s.reason instanceof Error ? s.reason.message : String(s.reason) },
    );
    port.postMessage({ seq, outcomes } satisfies WriteAnswer);
  });
});
