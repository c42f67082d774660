/**
 * `npm start`: the built server (dist/node.js), built first when there is none yet or any of its
 * sources changed since, so `npm install && npm start` still does everything in one go. Plain
 * JavaScript, so that nothing has to compile this file first.
 */
import { buildIfStale } from './build.mjs';

process.setSourceMapsEnabled(true);
await buildIfStale();
const { main } = await import('../dist/node.js');
await main();
