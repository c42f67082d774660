/**
 * The thread side of server/ingest-thread.ts: its own connection to the libSQL file, the
 * organisations' theme models, and a `ResponseWriter` that reads each batch's free text and
 * commits it, answering each message once all its rows are committed or refused.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultModel } from '../analysis/text';
import { EmbeddedResponseStore } from '../db/embedded-writes';
import { ResponseWriter } from '../db/response-writer';
import { ThemeModelLoader, type OrganisationModel } from '../db/theme-models';
import type { WriteAnswer, WriteRequest, WriterThreadData } from './ingest-thread';
import { readFreeText, type ReceivedResponse } from './text-pipeline';

const data = workerData as WriterThreadData;
const port = parentPort!;
const store = new EmbeddedResponseStore(data.path);
// The app's rule (db/theme-models.ts), asked once per batch rather than once a minute: here
// the question is an indexed read of the local file, so a model saved by any process is used
// from the next batch on.
const models = new ThemeModelLoader(store, defaultModel(), 0);

// Each message is a whole batch (the main thread sends the next only when this one is answered),
// so the writer commits what one message brings without waiting for more.
const writer = new ResponseWriter<ReceivedResponse>(
  async (batch) => {
    const reading = new Map<string, OrganisationModel>();
    for (const { organisationId } of batch) {
      if (!reading.has(organisationId)) reading.set(organisationId, await models.forOrganisation(organisationId));
    }
    return store.write(batch.map((received) => readFreeText(reading.get(received.organisationId)!, received)));
  },
  2000,
  0,
);

port.on('message', ({ seq, responses }: WriteRequest) => {
  void Promise.allSettled(responses.map((response) => writer.submit(response))).then((settled) => {
    const outcomes = settled.map((s): WriteAnswer['outcomes'][number] =>
      s.status === 'fulfilled' ? { ok: true, committed: s.value } : { ok: false, message: s.reason instanceof Error ? s.reason.message : String(s.reason) },
    );
    port.postMessage({ seq, outcomes } satisfies WriteAnswer);
  });
});
