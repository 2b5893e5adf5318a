// The officer's secret that unlocks the tablet (docs/chiffrement.md): a code of digits, typed on
// the numeric keypad, or a passphrase. Longer is stronger against someone who copied the tablet.

export const CHIFFRES_MINIMUM = 6;
export const PHRASE_MINIMUM = 12;

export type GenreCode = 'chiffres' | 'phrase';

/** The message to show at the field, or null when the secret may be chosen. */
export function verifierCode(code: string, genre: GenreCode): string | null {
  if (genre === 'chiffres') {
    if (!/^\d*$/.test(code)) return 'Le code ne doit contenir que des chiffres.';
    if (code.length < CHIFFRES_MINIMUM) return `Le code doit compter au moins ${CHIFFRES_MINIMUM} chiffres.`;
    return null;
  }
  if (code.trim().length < PHRASE_MINIMUM) return `La phrase de passe doit compter au moins ${PHRASE_MINIMUM} caractères.`;
  return null;
}
