// Text of an iCalendar stream (RFC 5545 §3.1 and §3.3.11): values escaped, content lines folded
// at 75 octets of UTF-8 without cutting a character, lines ended by CRLF.
export const FIN_DE_LIGNE = '\r\n';
const LONGUEUR_MAX = 75;

// Control characters other than tab and line feed are not allowed in TEXT values.
const autorise = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code === 0x09 || code === 0x0a || (code >= 0x20 && code !== 0x7f);
};

export const echapperTexte = (texte: string): string =>
  [...texte.replace(/\r\n?/g, '\n')]
    .filter(autorise)
    .join('')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

const octetsUtf8 = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A content line folded with CRLF and one space; the space counts in the next line's 75 octets. */
export function plierLigne(ligne: string): string {
  let pliee = '';
  let taille = 0;
  for (const caractere of ligne) {
    const n = octetsUtf8(caractere.codePointAt(0) ?? 0);
    if (taille + n > LONGUEUR_MAX) {
      pliee += `${FIN_DE_LIGNE} `;
      taille = 1;
    }
    pliee += caractere;
    taille += n;
  }
  return pliee;
}

export const assembler = (lignes: readonly string[]): string => lignes.map((l) => plierLigne(l) + FIN_DE_LIGNE).join('');
