import { parseDateIso, parseNombreFr } from '../commun/index.ts';
import { totauxMensuels, type Reponse } from '../entretien/index.ts';
import type { Personne } from '../menage/index.ts';
import type { Occupant } from '../occupation/index.ts';
import {
  TYPOLOGIES,
  logementDeLOffre,
  offreCompleteSchema,
  profilMenageSchema,
  type Offre,
  type ProfilMenage,
  type Typologie,
} from '../offre/index.ts';
import { DEPENSES_DECLAREES, type Depenses } from '../simulation/index.ts';
import { lireLogement, saisieDeLogement, saisieVide, texteNombre, type MenageSimule, type SaisieLogement } from './saisie.ts';

// From what the app holds on a household (its latest interview and its occupants) to the
// simulation's inputs and the matching's profile (charte §7.1; docs/domaine.md §3 and §5).

type Reponses = Readonly<Record<string, Reponse>>;

const texte = (r: Reponses, cle: string): string | null => {
  const rep = r[cle];
  return rep && !rep.nsp && typeof rep.valeur === 'string' && rep.valeur.trim() !== '' ? rep.valeur.trim() : null;
};
const nombre = (r: Reponses, cle: string): number | null => {
  const t = texte(r, cle);
  const n = t === null ? null : parseNombreFr(t);
  return n !== null && n >= 0 ? n : null;
};
const oui = (r: Reponses, cle: string): boolean => texte(r, cle) === 'oui';
const liste = (r: Reponses, cle: string): string[] => {
  const rep = r[cle];
  return rep && !rep.nsp && Array.isArray(rep.valeur) ? rep.valeur : [];
};

export const personnesPresentes = (personnes: readonly Personne[]): Personne[] => personnes.filter((p) => !p.supprime);

/** Ages, sexes and links, only when every occupant's birth date is known (else the count alone). */
export function compositionDe(personnes: readonly Personne[]): Occupant[] | undefined {
  const presentes = personnesPresentes(personnes);
  if (presentes.length === 0 || presentes.some((p) => parseDateIso(p.dateNaissance) === null)) return undefined;
  return presentes.map((p) => ({ dateNaissance: p.dateNaissance, sexe: p.sexe, lien: p.lien }));
}

const IMPOTS = ['depenses.impotRevenu', 'depenses.taxeFonciere', 'depenses.taxeHabitation', 'depenses.taxeOrdures'];
const DEPENSES_DIRECTES = {
  pensionAlimentaire: 'depenses.pensionAlimentaire',
  mutuelle: 'depenses.mutuelle',
  pretCaf: 'depenses.pretCaf',
  planBanqueDeFrance: 'depenses.planBanqueDeFrance',
} as const;

/** Taxes add up; the landlord's repayment plan counts only while one is running. */
export function depensesDe(r: Reponses): Depenses {
  const d = Object.fromEntries(DEPENSES_DECLAREES.map((k) => [k, 0])) as Depenses;
  d.impots = IMPOTS.reduce((s, cle) => s + (nombre(r, cle) ?? 0), 0);
  for (const [champ, cle] of Object.entries(DEPENSES_DIRECTES)) d[champ as keyof typeof DEPENSES_DIRECTES] = nombre(r, cle) ?? 0;
  d.planApurementBailleur = oui(r, 'logement.planApurement') ? (nombre(r, 'logement.mensualitePlan') ?? 0) : 0;
  return d;
}

export type DonneesMenage = { reponses: Reponses; personnes: readonly Personne[] };

/** The household's side; `manques` says in French what the interview lacks for a simulation. */
export function menageSimuleDe({ reponses, personnes }: DonneesMenage): { menage: MenageSimule; manques: string[] } {
  const presentes = personnesPresentes(personnes);
  const ressources = totauxMensuels(
    reponses,
    presentes.map((p) => p.id),
  ).map((m) => m.total);
  const manques: string[] = [];
  if (presentes.length === 0) manques.push('Aucun occupant : ajoutez les occupants du ménage.');
  if (ressources.length === 0) manques.push('Ressources non saisies : complétez la section « Ressources » de l’entretien.');
  const composition = compositionDe(presentes);
  const menage: MenageSimule = {
    occupants: Math.max(presentes.length, 1),
    ...(composition ? { composition } : {}),
    ressourcesMensuelles: ressources.length > 0 ? ressources : [0],
    depenses: depensesDe(reponses),
    criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
  };
  return { menage, manques };
}

const POSTES_INTERVIEW = ['eau', 'eauChaude', 'chauffage'] as const;

/**
 * The current dwelling as the interview describes it. The interview gives the total charges and
 * which of water, hot water and heating they include, not the part of each: an included one is
 * put at 0 € on the receipt, its part staying inside the general charges (exact when the offer's
 * receipt includes it too); `notes` tells the officer to type the part when she knows it.
 */
export function logementActuelDe(r: Reponses): { saisie: SaisieLogement; notes: string[] } {
  const typologie = texte(r, 'logement.typologie');
  const comprises = liste(r, 'logement.quittance');
  const saisie: SaisieLogement = {
    ...saisieVide(),
    loyer: texteNombre(nombre(r, 'logement.loyer')),
    chargesGenerales: texteNombre(nombre(r, 'logement.charges')),
    apl: texteNombre(nombre(r, 'logement.apl')),
    surface: texteNombre(nombre(r, 'logement.surface')),
    pieces:
      typologie && (TYPOLOGIES as readonly string[]).includes(typologie) ? String(TYPOLOGIES.indexOf(typologie as Typologie) + 1) : '',
  };
  for (const poste of POSTES_INTERVIEW) if (comprises.includes(poste)) saisie[poste] = '0';
  const notes =
    POSTES_INTERVIEW.filter((p) => comprises.includes(p)).length > 0
      ? [
          'L’entretien indique les charges comprises dans la quittance sans leur montant : elles restent dans les charges générales (0 € sur la ligne). Saisissez leur part si vous la connaissez.',
        ]
      : [];
  return { saisie, notes };
}

/** The offer's side, APL left empty (typed or estimated); null when the offer is not complete. */
export function logementOffreDe(offre: Offre): SaisieLogement | null {
  const complete = offreCompleteSchema.safeParse(offre);
  if (!complete.success) return null;
  return { ...saisieDeLogement(logementDeLOffre(complete.data, 0)), apl: '' };
}

/** What the matching needs to know of the household, from the same sources as the simulation; null while the interview lacks rent, charges, APL or resources. */
export function profilDe(id: string, donnees: DonneesMenage): ProfilMenage | null {
  const { menage, manques } = menageSimuleDe(donnees);
  const r = donnees.reponses;
  const logementActuel = lireLogement(logementActuelDe(r).saisie);
  if (manques.length > 0 || logementActuel === null) return null;
  const typologies = liste(r, 'souhaits.typologie').filter((t): t is Typologie => (TYPOLOGIES as readonly string[]).includes(t));
  const communes = (texte(r, 'souhaits.communes') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const etageMax = oui(r, 'souhaits.ascenseurIndispensable') ? 0 : nombre(r, 'souhaits.etageMax');
  const handicap = personnesPresentes(donnees.personnes).some((p) => p.handicap);
  return profilMenageSchema.parse({
    id,
    ...menage,
    logementActuel,
    typologiesSouhaitees: typologies,
    communesSouhaitees: communes,
    besoinPmr: oui(r, 'souhaits.logementAdapte') || handicap,
    etageMaxSansAscenseur: etageMax === null ? null : Math.floor(etageMax),
  });
}
