import type { Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;

/** The store the app is given: drizzle for queries, the raw client for batched writes. */
export interface Store {
  client: Client;
  db: Db;
}

export function createStore(client: Client): Store {
  return { client, db: drizzle(client, { schema }) };
}
