// Reading a CSV as a French Excel writes it: `;` between fields, optional UTF-8 BOM, CRLF line
// ends, fields in double quotes that may hold separators, line breaks and "" for a quote.

export type EnregistrementCsv = { /** Line of the file where the record starts, 1-based. */ ligne: number; champs: string[] };

/** The separator of the header line, quoted names aside: `;` as Excel writes in French, else tab, else comma. */
export function detecterSeparateur(texte: string): string {
  const entete = texte.replace(/"(?:[^"]|"")*"/g, '').split(/\r|\n/, 1)[0] ?? '';
  return [';', '\t', ','].find((s) => entete.includes(s)) ?? ';';
}

export function lireCsv(brut: string, separateur = detecterSeparateur(brut)): EnregistrementCsv[] {
  const texte = brut.replace(/^\uFEFF/, '');
  const enregistrements: EnregistrementCsv[] = [];
  let champs: string[] = [];
  let champ = '';
  let entreGuillemets = false;
  let ligne = 1;
  let debut = 1;
  const finirChamp = () => {
    champs.push(champ);
    champ = '';
  };
  const finirEnregistrement = () => {
    finirChamp();
    enregistrements.push({ ligne: debut, champs });
    champs = [];
  };
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i];
    if (entreGuillemets) {
      if (c === '"' && texte[i + 1] === '"') {
        champ += '"';
        i++;
      } else if (c === '"') entreGuillemets = false;
      else {
        if (c === '\n' || (c === '\r' && texte[i + 1] !== '\n')) ligne++;
        champ += c;
      }
    } else if (c === '"' && champ === '') entreGuillemets = true;
    else if (c === separateur) finirChamp();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && texte[i + 1] === '\n') i++;
      finirEnregistrement();
      ligne++;
      debut = ligne;
    } else champ += c;
  }
  if (champ !== '' || champs.length > 0) finirEnregistrement();
  return enregistrements;
}

// Writing a CSV that French Excel opens as it reads one: UTF-8 with BOM, `;`, CRLF, decimal comma.
export type ValeurCsv = string | number | null;

const champCsv = (v: ValeurCsv): string => {
  const texte = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[";\r\n]/.test(texte) || /^\s|\s$/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
};

export const ecrireCsv = (lignes: readonly (readonly ValeurCsv[])[]): string =>
  `\uFEFF${lignes.map((l) => l.map(champCsv).join(';')).join('\r\n')}\r\n`;
