import { bailleurDuTerritoire, importerOffresCsv, normaliserTexte, offreSchema } from '../domain/index.ts';
import type { ErreurImport, Offre } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire, ecrireLot } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { lireOrganisationsTerritoire } from './partenariat.ts';
import { marqueProposition } from './referentiel.ts';

// Offers of dwellings (issue 4 §4): created and edited offline, imported from a landlord's CSV.

const ordre = new Intl.Collator('fr');
const libelleTri = (o: Offre) => `${o.commune} ${o.adresse} ${o.typologie ?? ''}`;

export async function listerOffres(db: RelogementDb): Promise<Offre[]> {
  return (await db.offres.toArray()).filter((o) => !o.supprime).sort((a, b) => ordre.compare(libelleTri(a), libelleTri(b)));
}

/** Every word typed must appear in the landlord, RPLS, address, commune, residence or type. */
export function filtrerOffres<O extends Pick<Offre, 'bailleur' | 'rpls' | 'referenceBailleur' | 'adresse' | 'codePostal' | 'commune' | 'residence' | 'typologie'>>(
  offres: readonly O[],
  texte: string,
): O[] {
  const mots = texte.split(/\s+/).map(normaliserTexte).filter(Boolean);
  if (mots.length === 0) return [...offres];
  return offres.filter((o) => {
    const cible = normaliserTexte([o.bailleur, o.rpls, o.referenceBailleur, o.adresse, o.codePostal, o.commune, o.residence, o.typologie ?? ''].join(' '));
    return mots.every((m) => cible.includes(m));
  });
}

export const lireOffre = (db: RelogementDb, id: string) => db.offres.get(id);

/** A new draft: every field empty, saved at once so nothing typed afterwards can be lost. */
export async function creerOffre(db: RelogementDb): Promise<Offre> {
  const id = uuidv7();
  const marque = await marqueProposition(db);
  return ecrire<Offre>(db, 'offres', id, () => offreSchema.parse({ id, ...marque }));
}

/** Saves a change of an offer; a landlord's name typed is matched at once to the territory's landlords, whose id the offer keeps. */
export async function modifierOffre(db: RelogementDb, id: string, modif: Partial<Omit<Offre, 'id'>>): Promise<Offre> {
  const bailleur =
    modif.bailleur === undefined ? {} : { bailleurId: bailleurDuTerritoire(modif.bailleur, await lireOrganisationsTerritoire(db)) };
  return ecrire<Offre>(db, 'offres', id, (o) => {
    if (!o) throw new Error(`Offre introuvable : ${id}`);
    return { ...o, ...modif, ...bailleur };
  });
}

export const retirerOffre = (db: RelogementDb, id: string) => modifierOffre(db, id, { supprime: true });

export type BilanImport = { importees: number; erreurs: ErreurImport[] };

/** Every readable line becomes an offer (a draft when incomplete), all in one transaction. */
export async function importerOffres(db: RelogementDb, texte: string): Promise<BilanImport> {
  const { offres, erreurs } = importerOffresCsv(texte, () => uuidv7());
  const [marque, organisations] = [await marqueProposition(db), await lireOrganisationsTerritoire(db)];
  const lignes = offres.map((record) => ({ ...record, ...marque, bailleurId: bailleurDuTerritoire(record.bailleur, organisations) }));
  if (lignes.length > 0) await ecrireLot(db, lignes.map((record) => ({ table: 'offres' as const, record })));
  return { importees: offres.length, erreurs };
}
