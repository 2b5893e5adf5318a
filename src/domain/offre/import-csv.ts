import { lireCsv } from './csv.ts';
import { colonneDeLEntete, type Colonne, type Patch } from './colonnes-csv.ts';
import { offreCompleteSchema, offreSchema, type Offre } from './offre.ts';

// Importing the offers a landlord sends as an Excel export. A line whose cells are not all
// readable is still imported, as an offer to complete, with the reason for each cell left empty;
// only a line whose columns are shifted (or a repeated RPLS number) is left out.

export type ErreurImport = { ligne: number; champ?: string; message: string };
export type ImportOffres = { offres: Offre[]; erreurs: ErreurImport[] };

const ESSENTIELLES = ['commune', 'typologie', 'surface', 'loyer', 'charges'];

function lireEntetes(entetes: readonly string[]): { colonnes: (Colonne | undefined)[]; erreurs: ErreurImport[] } {
  const colonnes = entetes.map((e) => (e.trim() === '' ? undefined : colonneDeLEntete(e)));
  const erreurs: ErreurImport[] = entetes.flatMap((e, i) =>
    e.trim() !== '' && !colonnes[i]
      ? [{ ligne: 1, message: `Colonne « ${e.trim()} » ignorée : elle ne correspond à aucun champ d’une offre.` }]
      : [],
  );
  for (const champ of ESSENTIELLES) {
    if (!colonnes.some((c) => c?.champ === champ))
      erreurs.push({ ligne: 1, champ, message: `Aucune colonne pour « ${champ} » : les offres seront toutes à compléter.` });
  }
  return { colonnes, erreurs };
}

function lireLigne(
  champs: readonly string[],
  entetes: readonly string[],
  colonnes: readonly (Colonne | undefined)[],
  ligne: number,
): { patch: Patch; erreurs: ErreurImport[] } {
  let patch: Patch = {};
  const erreurs: ErreurImport[] = [];
  champs.forEach((brut, i) => {
    const colonne = colonnes[i];
    if (!colonne || brut.trim() === '') return;
    const lu = colonne.lire(brut, patch);
    if ('erreur' in lu)
      erreurs.push({ ligne, champ: colonne.champ, message: `Colonne « ${entetes[i]?.trim()} » : ${lu.erreur} ; valeur laissée vide.` });
    else patch = { ...patch, ...lu.valeur };
  });
  return { patch, erreurs };
}

/** Builds the stored offer; a value the record cannot hold (a text too long) is dropped and reported. */
function construire(patch: Patch, id: string, ligne: number): { offre: Offre; erreurs: ErreurImport[] } {
  const essai = offreSchema.safeParse({ ...patch, id });
  if (essai.success) return { offre: essai.data, erreurs: [] };
  const rejetes = new Set(essai.error.issues.map((i) => String(i.path[0])));
  const erreurs = essai.error.issues.map((i) => ({ ligne, champ: String(i.path[0]), message: `${i.message} Valeur laissée vide.` }));
  const garde = Object.fromEntries(Object.entries(patch).filter(([k]) => !rejetes.has(k)));
  return { offre: offreSchema.parse({ ...garde, id }), erreurs };
}

export function importerOffresCsv(texte: string, newId: () => string): ImportOffres {
  const [entete, ...lignes] = lireCsv(texte);
  if (!entete || entete.champs.every((c) => c.trim() === ''))
    return { offres: [], erreurs: [{ ligne: 1, message: 'Le fichier est vide : la première ligne doit donner les noms des colonnes.' }] };
  const { colonnes, erreurs } = lireEntetes(entete.champs);
  const offres: Offre[] = [];
  const lignesRpls = new Map<string, number>();
  for (const { ligne, champs } of lignes) {
    if (champs.every((c) => c.trim() === '')) continue;
    if (champs.slice(entete.champs.length).some((c) => c.trim() !== '')) {
      erreurs.push({
        ligne,
        message: `La ligne a ${champs.length} colonnes au lieu de ${entete.champs.length} (un point-virgule en trop ?) : ligne ignorée.`,
      });
      continue;
    }
    const lu = lireLigne(champs, entete.champs, colonnes, ligne);
    const rpls = lu.patch.rpls?.trim();
    const doublon = rpls ? lignesRpls.get(rpls) : undefined;
    if (doublon !== undefined) {
      erreurs.push({ ligne, champ: 'rpls', message: `Numéro RPLS ${rpls} déjà importé ligne ${doublon} : ligne ignorée.` });
      continue;
    }
    if (rpls) lignesRpls.set(rpls, ligne);
    const { offre, erreurs: rejets } = construire(lu.patch, newId(), ligne);
    const complete = offreCompleteSchema.safeParse(offre);
    const dejaSignales = new Set([...lu.erreurs, ...rejets].map((e) => e.champ));
    const manques = complete.success
      ? []
      : complete.error.issues
          .map((i) => ({ ligne, champ: i.path.map(String).join('.'), message: `Offre à compléter : ${i.message}` }))
          .filter((e) => !dejaSignales.has(e.champ));
    erreurs.push(...lu.erreurs, ...rejets, ...manques);
    offres.push({ ...offre, statut: complete.success ? 'disponible' : 'brouillon' });
  }
  return { offres, erreurs };
}
