/** What the app is built from. Entry points (Node, Workers, tests) construct these; nothing else does. */
import type { Store } from '../db/store';
import type { FormDirectory } from '../db/forms';
import type { ResponseWriter } from '../db/response-writer';
import type { Principal } from '../db/scope';
import type { Catalogue } from '../widget/lib/i18n';
import type { Config } from './config';

export interface AppDeps {
  config: Config;
  store: Store;
  writer: ResponseWriter;
  forms: FormDirectory;
  catalogues: Record<string, Catalogue>;
  now: () => Date;
}

export interface AppEnv {
  Variables: { principal: Principal };
}
