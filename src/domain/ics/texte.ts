// Text of an iCalendar stream (RFC 5545 §3.1 and §3.3.11): values escaped, content lines folded
// at 75 octets of UTF-8 without cutting a character, lines ended by CRLF.
export const FIN_DE_LIGNE = '\r\n';
const LONGUEUR_MAX = 75;

// Control characters other than tab are not allowed in TEXT values; line breaks are written \n.
const ECHAPPEMENTS: Readonly<Record<string, string>> = { '\\': '\\\\', ';': '\\;', ',': '\\,', '\n': '\\n', '\t': '\t' };

export const echapperTexte = (texte: string): string =>
  texte.replace(/\r\n?/g, '\n').replace(/[\p{Cc}\\;,]/gu, (c) => ECHAPPEMENTS[c] ?? '');

// A UTF-16 unit is at most 3 octets of UTF-8 (a surrogate pair, 2 units, makes 4).
const OCTETS_MAX_PAR_UNITE = 3;
const ASCII_IMPRIMABLE = /^[ -~]*$/;
const octetsUtf8 = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A content line folded with CRLF and one space; the space counts in the next line's 75 octets. */
export function plierLigne(ligne: string): string {
  if (ligne.length * OCTETS_MAX_PAR_UNITE <= LONGUEUR_MAX || (ligne.length <= LONGUEUR_MAX && ASCII_IMPRIMABLE.test(ligne))) return ligne;
  const morceaux: string[] = [];
  let debut = 0;
  let taille = 0;
  for (let i = 0; i < ligne.length;) {
    const codePoint = ligne.codePointAt(i) ?? 0;
    const n = octetsUtf8(codePoint);
    if (taille + n > LONGUEUR_MAX) {
      morceaux.push(ligne.slice(debut, i));
      debut = i;
      taille = 1;
    }
    taille += n;
    i += codePoint > 0xffff ? 2 : 1;
  }
  morceaux.push(ligne.slice(debut));
  return morceaux.join(`${FIN_DE_LIGNE} `);
}

export const assembler = (lignes: readonly string[]): string => lignes.map(plierLigne).join(FIN_DE_LIGNE) + FIN_DE_LIGNE;
