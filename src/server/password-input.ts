import { createInterface } from 'node:readline';
import { HttpError } from './http-error.ts';

// The admin command reads a password without it ever being on the command line (shell history,
// the process list): typed at a prompt that does not echo it, or read from standard input when
// that is not a terminal (`printf '%s\n' "$MOT_DE_PASSE" | npm run -s admin -- create-user …`).

/** Reads one line typed at the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (finish: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      finish();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(new HttpError(400, 'Saisie interrompue : rien n’a été enregistré.')));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of standard input. */
function readLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    let first: string | null = null;
    lines.once('line', (line) => {
      first = line;
      lines.close();
    });
    lines.once('close', () => resolve(first ?? ''));
  });
}

/** A new password: typed twice at a terminal, or one line of standard input. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readLine();
  const password = await readHidden('Mot de passe : ');
  if ((await readHidden('Le même, une seconde fois : ')) !== password)
    throw new HttpError(400, 'Les deux saisies diffèrent : rien n’a été enregistré.');
  return password;
}
