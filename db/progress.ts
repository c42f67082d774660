/**
 * A progress bar for long seeding runs (`npm run seed`, `npm start`'s demo data, the benches).
 * On a terminal it redraws one line with a rate; anywhere else (CI logs, pipes) a `\r` would only
 * pile up, so it writes a single line when the work is done.
 *
 * @example
 * const onProgress = progressBar('seeding');
 * onProgress(500, 1000); // seeding [###############...............] 500/1,000 (12,345/s)
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  const started = performance.now();
  const rate = (done: number) => `${Math.round(done / Math.max((performance.now() - started) / 1000, 1e-3)).toLocaleString('en-GB')}/s`;
  if (!stream.isTTY) {
    return (done, total) => {
      if (done === total) stream.write(`${label}: ${total.toLocaleString('en-GB')} done (${rate(done)})\n`);
    };
  }
  const width = 30;
  return (done, total) => {
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    stream.write(`\r${label} [${bar}] ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} (${rate(done)})${done === total ? '\n' : ''}`);
  };
}
