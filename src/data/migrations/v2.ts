import type { VersionSchema } from './version.ts';

// A derived, local-only summary per household so the caseload searches and filters 5,000
// households without reading every record. Frozen: the summary is computed here as this version
// computed it, whatever the caseload's summary becomes later.

type Menage = {
  id: string;
  residenceId: string;
  statut: string;
  nom: string;
  reference: string;
  adresse: string;
  logement?: string;
  dernierContact?: string | null;
  dateRelogement?: string | null;
  supprime?: boolean;
};
type Personne = { menageId: string; prenom: string; nom: string; supprime?: boolean };
type Entretien = { menageId: string; date: string; statut: string; termineLe: string | null; supprime?: boolean };

const normaliser = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function premierEntretienFait(entretiens: readonly Entretien[]): string | null {
  let premier: string | null = null;
  for (const e of entretiens) if (!e.supprime && e.termineLe !== null && (premier === null || e.date < premier)) premier = e.date;
  return premier;
}

function resumeDe(m: Menage, personnes: readonly Personne[], entretiens: readonly Entretien[]) {
  const presentes = personnes.filter((p) => !p.supprime);
  const valides = entretiens.filter((e) => !e.supprime);
  const datesEntretiens = valides.map((e) => e.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const contacts = [m.dernierContact, ...datesEntretiens].filter((d): d is string => !!d).sort();
  return {
    id: m.id,
    residenceId: m.residenceId,
    statut: m.statut,
    nom: m.nom,
    reference: m.reference,
    adresse: m.adresse,
    texte: normaliser([m.nom, m.reference, m.adresse, m.logement, ...presentes.flatMap((p) => [p.prenom, p.nom])].join(' ')),
    occupants: presentes.length,
    premierEntretienTermineLe: premierEntretienFait(valides),
    dateRelogement: m.dateRelogement ?? null,
    entretienEnCours: valides.some((e) => e.statut === 'brouillon'),
    dernierContact: contacts.at(-1) ?? null,
    supprime: Boolean(m.supprime),
  };
}

export const v2: VersionSchema = {
  numero: 2,
  stores: { resumes: 'id, residenceId, statut' },
  async upgrade(tx) {
    const personnes = await tx.table<Personne>('personnes').toArray();
    const entretiens = await tx.table<Entretien>('entretiens').toArray();
    const menages = await tx.table<Menage>('menages').toArray();
    await tx.table('resumes').bulkPut(
      menages.map((m) => resumeDe(m, personnes.filter((p) => p.menageId === m.id), entretiens.filter((e) => e.menageId === m.id))),
    );
  },
};
