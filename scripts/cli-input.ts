/**
 * Secrets for the account CLIs without putting them on the command line (where `ps` and shell history see
 * them): a hidden prompt on a terminal, else the first line of stdin (`printf '%s\n' "$PW" | node …`).
 */
import { createInterface } from 'node:readline';

export async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine();
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

export async function readLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
  }
}

let piped: Promise<string[]> | undefined;

/** Successive calls return successive lines of a piped stdin. */
async function readFirstLine(): Promise<string> {
  piped ??= new Promise<string[]>((resolve) => {
    const lines: string[] = [];
    const rl = createInterface({ input: process.stdin });
    rl.on('line', (l) => lines.push(l));
    rl.on('close', () => resolve(lines));
  });
  const lines = await piped;
  return (lines.shift() ?? '').replace(/\r$/, '');
}
