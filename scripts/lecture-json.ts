import { readFileSync } from 'node:fs';

// How the command-line tools read their input file, one way for all: UTF-8, with or without the
// byte order mark some Windows editors write, and one French message per failure, on the field
// `fichier`, that says what to do.

export type ErreurFichier = { champ: 'fichier'; message: string };
export type LectureJson = { ok: true; donnees: unknown } | { ok: false; erreurs: [ErreurFichier] };

const echec = (message: string): LectureJson => ({ ok: false, erreurs: [{ champ: 'fichier', message }] });

/** The JSON of a text; a leading byte order mark is not part of it. */
export function analyserJson(texte: string): LectureJson {
  try {
    return { ok: true, donnees: JSON.parse(texte.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return echec(`Le fichier n’est pas du JSON valide : ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The JSON of the file at `chemin`; `usage` tells how to call the tool when the file is missing. */
export function lireFichierJson(chemin: string | undefined, usage: string): LectureJson {
  if (!chemin) return echec(usage);
  let texte: string;
  try {
    texte = readFileSync(chemin, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return echec(
      code === 'ENOENT'
        ? `Fichier introuvable : ${chemin}. ${usage}`
        : `Fichier illisible : ${chemin} (${code ?? 'erreur inconnue'}). ${usage}`,
    );
  }
  return analyserJson(texte);
}
