// Comparing what people type: a territory's or a commune's name, a spreadsheet header.

/** Lower case, no accents, letters and digits only: "N° RPLS" and "n rpls" read alike. */
export const normaliserTexte = (s: string): string =>
  s
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
