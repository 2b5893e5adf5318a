import { addDays, addMonths, format, parseISO, subYears } from 'date-fns';
import type { Entretien, Reponse } from '../entretien/index.ts';
import { cleRessource } from '../entretien/index.ts';
import type { Lien, Menage, Operation, Personne, Residence, StatutMenage } from '../menage/index.ts';

// Clearly fictitious demo data: varied compositions, resources and needs, reproducible from a seed.

export type Demo = { operation: Operation; residence: Residence; menages: Menage[]; personnes: Personne[]; entretiens: Entretien[] };

/** Mulberry32: a tiny seeded generator, so the same seed always gives the same résidence. */
function aleatoire(graine: number) {
  let a = graine >>> 0;
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    entre: (min: number, max: number) => min + Math.floor(suivant() * (max - min + 1)),
    parmi: <T>(liste: readonly T[]): T => liste[Math.floor(suivant() * liste.length)] as T,
    chance: (p: number) => suivant() < p,
  };
}

const NOMS = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefebvre',
  'Moreau',
  'Garcia',
  'Benali',
  'Nguyen',
  'Diallo',
  'Petit',
  'Roux',
  'Fontaine',
  'Mercier',
  'Haddad',
  'Lambert',
  'Bonnet',
  'Traoré',
  'Rousseau',
  'Da Silva',
  'Leroy',
  'Girard',
  'Kaya',
  'Morel',
  'Gauthier',
];
const PRENOMS_F = ['Aïcha', 'Marie', 'Fatou', 'Sophie', 'Léa', 'Nadia', 'Camille', 'Inès', 'Chantal', 'Yasmine', 'Julie', 'Mariam'];
const PRENOMS_M = ['Mohamed', 'Jean', 'Karim', 'Lucas', 'Mamadou', 'Pierre', 'Youssef', 'Hugo', 'Bernard', 'Omar', 'Thomas', 'Ali'];
const COMPOSITIONS = ['seul', 'couple', 'famille', 'monoparentale', 'agee', 'famille_hebergee', 'grande_famille'] as const;
const STATUTS: readonly StatutMenage[] = [
  'a_rencontrer',
  'entretien',
  'entretien',
  'dossier',
  'dossier',
  'oriente',
  'proposition',
  'reloge',
  'suivi',
];

/** A user who may follow the demo households: référent, and binôme when there are two or more. */
export type MembreEquipe = { id: string; nom: string };

export type OptionsDemo = {
  nombre: number;
  graine: number;
  aujourdhui: string;
  nouvelId: () => string;
  suffixe?: string;
  equipe?: readonly MembreEquipe[];
};

export function genererDemo({ nombre, graine, aujourdhui, nouvelId, suffixe = '', equipe = [] }: OptionsDemo): Demo {
  const r = aleatoire(graine);
  const jour = parseISO(aujourdhui);
  const iso = (d: Date) => format(d, 'yyyy-MM-dd');
  const operation: Operation = {
    id: nouvelId(),
    nom: `NPNRU Quartier Imaginaire (démonstration)${suffixe}`,
    commune: 'Exempleville',
    territoire: 'Territoire de démonstration',
    datePcdid: iso(addMonths(jour, -1)),
  };
  const residence: Residence = {
    id: nouvelId(),
    operationId: operation.id,
    nom: `Résidence des Tilleuls — fictive${suffixe}`,
    adresse: '1 à 9 rue Imaginaire',
    commune: 'Exempleville',
    bailleur: 'Bailleur de démonstration',
    dateOuverture: iso(addMonths(jour, -4)),
  };
  const menages: Menage[] = [];
  const personnes: Personne[] = [];
  const entretiens: Entretien[] = [];

  for (let i = 0; i < nombre; i++) {
    const nom = r.parmi(NOMS);
    const composition = r.parmi(COMPOSITIONS);
    const referent = equipe.length > 0 ? r.parmi(equipe) : null;
    const binome = equipe.find((m) => m !== referent) ?? null;
    const menage: Menage = {
      id: nouvelId(),
      residenceId: residence.id,
      referentId: referent?.id ?? null,
      binomeId: binome?.id ?? null,
      reference: `TIL-${String(i + 1).padStart(4, '0')}`,
      nom: `Famille ${nom} (fictive)`,
      adresse: `${1 + (i % 9)} rue Imaginaire, 59999 Exempleville`,
      logement: `Bât. ${'ABC'[i % 3]}, ${r.entre(0, 9)}e étage, porte ${r.entre(1, 40)}`,
      telephone: '',
      type: r.chance(0.85)
        ? 'locataire_social'
        : r.parmi(['locataire_prive', 'proprietaire_occupant', 'foyer', 'sans_droit_ni_titre'] as const),
      statut: r.parmi(STATUTS),
      referent: referent?.nom ?? '',
      binome: binome?.nom ?? '',
      consentements: {},
      refusConsentement: null,
      dernierContact: iso(addDays(jour, -r.entre(3, 110))),
      creeLe: iso(addMonths(jour, -4)),
    };
    if (r.chance(0.1)) menage.refusConsentement = { signeLe: iso(addDays(jour, -r.entre(10, 90))) };
    else if (r.chance(0.8))
      menage.consentements = {
        bailleurs: { accorde: true, date: menage.creeLe },
        ville: { accorde: true, date: menage.creeLe },
        caf: { accorde: true, date: menage.creeLe },
      };
    menages.push(menage);

    const ajouter = (prenom: string, lien: Lien, age: number, sexe: 'F' | 'M', autres: Partial<Personne> = {}) => {
      const naissance = iso(addDays(subYears(jour, age), -r.entre(0, 364)));
      const activite =
        age < 3
          ? 'sans_activite'
          : age < 16
            ? 'scolaire'
            : age >= 65
              ? 'retraite'
              : r.parmi(['salarie', 'demandeur_emploi', 'sans_activite', 'salarie', 'invalidite', 'formation'] as const);
      const p: Personne = {
        id: nouvelId(),
        menageId: menage.id,
        prenom,
        nom,
        lien,
        sexe,
        dateNaissance: naissance,
        activite,
        hebergeDepuis: '',
        handicap: false,
        souhaitDecohabitation: false,
        ...autres,
      };
      personnes.push(p);
      return p;
    };
    const sexe = r.chance(0.5) ? 'F' : 'M';
    const prenom = (s: 'F' | 'M') => r.parmi(s === 'F' ? PRENOMS_F : PRENOMS_M);
    const titulaire = ajouter(prenom(sexe), 'titulaire', composition === 'agee' ? r.entre(68, 88) : r.entre(25, 60), sexe, {
      handicap: r.chance(0.08),
    });
    const membres = [titulaire];
    if (['couple', 'famille', 'agee', 'famille_hebergee', 'grande_famille'].includes(composition)) {
      const s = sexe === 'F' ? 'M' : 'F';
      membres.push(ajouter(prenom(s), 'conjoint', composition === 'agee' ? r.entre(65, 88) : r.entre(25, 60), s));
    }
    const enfants =
      composition === 'grande_famille'
        ? r.entre(4, 7)
        : ['famille', 'monoparentale', 'famille_hebergee'].includes(composition)
          ? r.entre(1, 3)
          : 0;
    for (let e = 0; e < enfants; e++) {
      const s = r.chance(0.5) ? 'F' : 'M';
      const age = r.entre(0, 24);
      membres.push(ajouter(prenom(s), 'enfant', age, s, { souhaitDecohabitation: age >= 19 && r.chance(0.5) }));
    }
    if (composition === 'famille_hebergee') {
      const s = r.chance(0.5) ? 'F' : 'M';
      membres.push(ajouter(prenom(s), 'heberge', r.entre(20, 70), s, { hebergeDepuis: iso(addMonths(jour, -r.entre(9, 40))) }));
    }

    if (menage.statut === 'a_rencontrer') continue;
    const dateEntretien = iso(addDays(jour, -r.entre(5, 100)));
    const reponses: Record<string, Reponse> = {};
    const pieces = Math.max(1, Math.min(6, membres.length - r.entre(-1, 1)));
    const loyer = 250 + pieces * 60 + r.entre(0, 80);
    Object.assign(reponses, {
      'occupants.etatConfirme': { valeur: 'oui' },
      'logement.typologie': { valeur: `T${pieces}` },
      'logement.surface': { valeur: String(20 + pieces * 14 + r.entre(0, 10)) },
      'logement.etage': { valeur: String(r.entre(0, 9)) },
      'logement.ascenseur': { valeur: r.chance(0.5) ? 'oui' : 'non' },
      'logement.loyer': { valeur: `${loyer},${r.entre(10, 99)}` },
      'logement.charges': { valeur: String(60 + r.entre(0, 90)) },
      'logement.quittance': { valeur: r.chance(0.6) ? ['eau', 'chauffage'] : ['eau'] },
      'logement.apl': { valeur: String(r.chance(0.6) ? r.entre(80, 350) : 0) },
      'logement.impayes': { valeur: r.chance(0.2) ? 'oui' : 'non' },
      'souhaits.typologie': { valeur: [`T${Math.min(6, membres.length)}`] },
      'souhaits.communes': { valeur: r.parmi(['Exempleville', 'Exempleville, Villefictive', 'Villefictive']) },
      'mobilite.attachementQuartier': r.chance(0.15) ? { valeur: '', nsp: true } : { valeur: String(r.entre(1, 4)) },
      'souhaits.logementAdapte': { valeur: membres.some((m) => m.handicap) ? 'oui' : 'non' },
    });
    const adultes = membres.filter((m) => (m.activite !== 'scolaire' && m.activite !== 'sans_activite') || m.lien === 'titulaire');
    for (const adulte of adultes) {
      const nature =
        adulte.activite === 'retraite'
          ? 'retraite'
          : adulte.activite === 'salarie'
            ? 'salaire'
            : adulte.activite === 'demandeur_emploi'
              ? 'chomage'
              : 'minimaSociaux';
      const base = nature === 'salaire' ? r.entre(900, 2200) : nature === 'retraite' ? r.entre(700, 1600) : r.entre(450, 1000);
      for (const mois of [1, 2, 3] as const) reponses[cleRessource(adulte.id, mois, nature)] = { valeur: String(base + r.entre(-40, 40)) };
    }
    if (enfants > 0)
      for (const mois of [1, 2, 3] as const)
        reponses[cleRessource(titulaire.id, mois, 'prestationsFamiliales')] = { valeur: String(140 * enfants) };
    const termine = menage.statut !== 'entretien' && menage.consentements.bailleurs !== undefined;
    entretiens.push({
      id: nouvelId(),
      menageId: menage.id,
      date: dateEntretien,
      type: 'premier',
      statut: termine ? 'termine' : 'brouillon',
      reponses,
      termineLe: termine ? dateEntretien : null,
      precedentId: null,
    });
  }
  return { operation, residence, menages, personnes, entretiens };
}
