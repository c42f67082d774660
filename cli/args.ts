/** Minimal argument parsing for the hubvoice CLI: positionals and `--name value` options. */

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

/**
 * @example
 * parseArgs(['themes', 'train', 'a.csv', '--out', 'm.json']) // positional: themes train a.csv; out: m.json
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
      // A bare flag ("--show-errors", "--calibrate") takes no value, so it never swallows the next option.
      else if (i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) options.set(arg.slice(2), '');
      else options.set(arg.slice(2), argv[++i]!);
    } else positional.push(arg);
  }
  return { positional, options };
}

/** All of stdin as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
