import { normaliserTexte } from '../simulation/index.ts';
import { ENERGIES_CHAUFFAGE, FINANCEMENTS, MODES_CHAUFFAGE, STATIONNEMENTS, type Offre } from './offre.ts';
import { lireDate, lireDpe, lireEtage, lireNombre, lireOuiNon, lireTypologie, lireZoneApl, type Lecture } from './valeurs-csv.ts';

// The columns an Excel export of offers may have (AMP annexe 5, flux annexe 3), each with the
// header names it is known by and what its cell sets on the offer.

export type Patch = Partial<Omit<Offre, 'id'>>;
export type Colonne = {
  /** The field named in error messages. */
  champ: string;
  entetes: readonly string[];
  lire: (texte: string, courant: Patch) => Lecture<Patch>;
};

const avec = <T>(lecture: Lecture<T>, patch: (v: T) => Patch): Lecture<Patch> =>
  'erreur' in lecture ? lecture : { valeur: patch(lecture.valeur) };

const texte = (champ: keyof Patch, entetes: readonly string[]): Colonne => ({
  champ,
  entetes,
  lire: (t) => ({ valeur: { [champ]: t.trim() } }),
});
const nombre = (champ: keyof Patch, entetes: readonly string[], lecteur = lireNombre): Colonne => ({
  champ,
  entetes,
  lire: (t) => avec(lecteur(t), (v) => ({ [champ]: v })),
});
const ouiNon = (champ: keyof Patch, entetes: readonly string[]): Colonne => ({
  champ,
  entetes,
  lire: (t) => avec(lireOuiNon(t), (v) => ({ [champ]: v })),
});
const date = (champ: keyof Patch, entetes: readonly string[]): Colonne => ({
  champ,
  entetes,
  lire: (t) => avec(lireDate(t), (v) => ({ [champ]: v })),
});

/** Keywords in a cell, first match wins: "Collectif gaz", "chauffage urbain". */
const motsCles = <T extends string>(t: string, table: readonly [string, T][]): T | undefined => {
  const n = normaliserTexte(t);
  return table.find(([mot]) => n.includes(mot))?.[1];
};

const MOTS_ENERGIE: readonly [string, (typeof ENERGIES_CHAUFFAGE)[number]][] = [
  ['gaz', 'gaz'],
  ['elec', 'electricite'],
  ['urbain', 'reseau_chaleur'],
  ['reseau', 'reseau_chaleur'],
  ['fioul', 'fioul'],
  ['fuel', 'fioul'],
  ['bois', 'bois'],
  ['granule', 'bois'],
  ['pompe', 'pompe_a_chaleur'],
  ['pac', 'pompe_a_chaleur'],
];
const MOTS_MODE: readonly [string, (typeof MODES_CHAUFFAGE)[number]][] = [
  ['indiv', 'individuel'],
  ['coll', 'collectif'],
];
const MOTS_FINANCEMENT: readonly [string, (typeof FINANCEMENTS)[number]][] = [
  ['plai', 'PLAI'],
  ['plus', 'PLUS'],
  ['pls', 'PLS'],
  ['pli', 'PLI'],
];

const chauffage: Colonne = {
  champ: 'chauffageMode',
  entetes: ['chauffage', 'typedechauffage', 'modedechauffage', 'modechauffage'],
  lire: (t) => {
    const mode = motsCles(t, MOTS_MODE);
    const energie = motsCles(t, MOTS_ENERGIE);
    if (!mode && !energie) return { erreur: `« ${t} » : indiquez individuel ou collectif, et l’énergie` };
    return { valeur: { ...(mode ? { chauffageMode: mode } : {}), ...(energie ? { chauffageEnergie: energie } : {}) } };
  },
};

const energie: Colonne = {
  champ: 'chauffageEnergie',
  entetes: ['energie', 'energiedechauffage', 'energiechauffage', 'typedenergie'],
  lire: (t) => ({ valeur: { chauffageEnergie: motsCles(t, MOTS_ENERGIE) ?? 'autre' } }),
};

/** A garage or a parking column answered oui/non: « non » does not undo what the other column said. */
const annexeStationnement = (sorte: Exclude<(typeof STATIONNEMENTS)[number], 'aucun'>, entetes: readonly string[]): Colonne => ({
  champ: 'stationnement',
  entetes,
  lire: (t, courant) => {
    const mot = motsCles(t, [
      ['garage', 'garage'],
      ['box', 'garage'],
      ['parking', 'parking'],
      ['place', 'parking'],
    ] as const);
    if (mot) return { valeur: { stationnement: mot } };
    return avec(lireOuiNon(t), (v) =>
      v ? { stationnement: sorte } : v === false && !courant.stationnement ? { stationnement: 'aucun' } : {},
    );
  },
});

const financement: Colonne = {
  champ: 'financement',
  entetes: ['financement', 'typedefinancement', 'financementinitial', 'financementdulogement'],
  lire: (t) => ({ valeur: { financement: motsCles(t, MOTS_FINANCEMENT) ?? 'autre' } }),
};

/** "eau froide, eau chaude, chauffage collectif" in one cell. */
const chargesComprises: Colonne = {
  champ: 'charges',
  entetes: ['chargescomprennent', 'comprisdanslescharges', 'detaildescharges', 'chargesincluses', 'naturedescharges'],
  lire: (t) => {
    const n = normaliserTexte(t);
    const eauChaude = n.includes('eauchaude') || n.includes('ecs');
    const eau = n.replace(/eauchaude/g, '').includes('eau');
    return { valeur: { eauComprise: eau, eauChaudeComprise: eauChaude, chauffageCompris: n.includes('chauffage') } };
  },
};

/** A full date when the export gives one; a year alone is kept as such (charte §2.3 C judges on dates). */
const premiereLocation: Colonne = {
  champ: 'datePremiereLocation',
  entetes: [
    'anneedepremiereremiseenlocation',
    'anneede1remiseenlocation',
    'anneedemiseenlocation',
    'miseenlocation',
    'datedemiseenlocation',
    'premieremiseenlocation',
    'anneepremierelocation',
    'datedepremierelocation',
    'datepremierelocation',
  ],
  lire: (t) => {
    if (/^\d{4}$/.test(t.trim())) return { valeur: { anneePremiereLocation: Number(t.trim()) } };
    return avec(lireDate(t), (d) => ({ datePremiereLocation: d }));
  },
};

export const COLONNES: readonly Colonne[] = [
  texte('bailleur', ['bailleur', 'organisme', 'organismedelogementsocial', 'organismehlm']),
  texte('rpls', ['rpls', 'nrpls', 'norpls', 'numerorpls', 'identifiantrpls']),
  texte('referenceBailleur', ['referencebailleur', 'refbailleur', 'reference', 'ref', 'referencedulogement']),
  texte('residence', ['residence', 'nomdelaresidence', 'groupe', 'programme']),
  texte('batiment', ['batiment', 'bat']),
  texte('numero', ['numero', 'nlogement', 'nodelogement', 'ndelogement', 'numerodelogement', 'numerologement', 'logement', 'porte']),
  texte('adresse', ['adresse', 'adresseexacte', 'adressecomplete', 'voie']),
  texte('codePostal', ['codepostal', 'cp']),
  texte('commune', ['commune', 'ville', 'localite']),
  ouiNon('qpv', ['qpv', 'enqpv', 'quartierprioritaire', 'situeenqpv']),
  {
    champ: 'typologie',
    entetes: ['typologie', 'type', 'typedelogement', 'typo'],
    lire: (t) => avec(lireTypologie(t), (v) => ({ typologie: v })),
  },
  nombre('surface', ['surface', 'surfacehabitable', 'shab']),
  nombre('etage', ['etage', 'niveau'], lireEtage),
  ouiNon('ascenseur', ['ascenseur']),
  ouiNon('pmr', ['pmr', 'accespmr', 'accessiblepmr', 'accessibilitepmr', 'accessibilite', 'logementadapte']),
  chauffage,
  energie,
  {
    champ: 'dpe',
    entetes: ['dpe', 'classedpe', 'etiquettedpe', 'classeenergie', 'etiquetteenergie'],
    lire: (t) => avec(lireDpe(t), (v) => ({ dpe: v })),
  },
  annexeStationnement('parking', ['garageparking', 'garageouparking', 'stationnement', 'garageparkingbox']),
  annexeStationnement('garage', ['garage', 'box']),
  annexeStationnement('parking', ['parking', 'placedeparking']),
  ouiNon('garageObligatoire', ['garageobligatoire', 'stationnementobligatoire', 'parkingobligatoire']),
  nombre('loyerGarage', ['loyergarage', 'loyerdugarage', 'loyerparking', 'loyerstationnement']),
  ouiNon('cave', ['cave']),
  ouiNon('balcon', ['balcon', 'terrasse', 'balconterrasse']),
  financement,
  texte('periodeConstruction', ['periodedeconstruction', 'periodeconstruction', 'anneedeconstruction', 'construction']),
  premiereLocation,
  date('dateConventionnement', ['datedeconventionnement', 'dateconventionnement', 'conventionnele', 'conventionnement']),
  date('dateRehabilitation', ['datederehabilitation', 'daterehabilitation', 'rehabilitele', 'rehabilitation']),
  nombre('loyer', ['loyer', 'loyerhc', 'loyerhorscharges', 'loyerprincipal', 'loyermensuel']),
  nombre('charges', [
    'charges',
    'provisionsurcharges',
    'provisionpourcharges',
    'montantdescharges',
    'chargesmensuelles',
    'provisiondecharges',
  ]),
  chargesComprises,
  ouiNon('eauComprise', ['eaucomprise', 'eaufroidecomprise', 'eauquittancee', 'eaufroidequittancee']),
  ouiNon('eauChaudeComprise', ['eauchaudecomprise', 'eauchaudequittancee']),
  ouiNon('chauffageCompris', ['chauffagecompris', 'chauffagequittance', 'chauffagecollectifcompris']),
  nombre('dontEau', ['donteau', 'donteaufroide', 'parteau', 'parteaufroide']),
  nombre('dontEauChaude', ['donteauchaude', 'parteauchaude']),
  nombre('dontChauffage', ['dontchauffage', 'partchauffage']),
  date('dateDisponibilite', ['datededisponibilite', 'disponibilite', 'disponiblele', 'datedisponibilite', 'datedemiseadisposition']),
  date('dateCaleol', ['datecaleol', 'caleol', 'datedecaleol', 'datecal', 'datedepassageencaleol', 'datepassagecaleol']),
  date('dateLimiteDesignation', ['datelimitededesignation', 'datelimitedesignation', 'limitededesignation', 'designationavant']),
  texte('contactNom', ['contact', 'nomducontact', 'interlocuteur', 'chargedelocation', 'contactnom']),
  texte('contactTelephone', ['telephone', 'tel', 'telephoneducontact', 'contacttelephone']),
  texte('contactCourriel', ['courriel', 'email', 'mail', 'adressemail', 'mel', 'contactcourriel']),
  { champ: 'zoneApl', entetes: ['zoneapl', 'zone', 'zonealocation'], lire: (t) => avec(lireZoneApl(t), (v) => ({ zoneApl: v })) },
  texte('observations', ['observations', 'observation', 'commentaire', 'commentaires', 'remarques']),
];

/** Units written in headers ("Loyer (€/mois)", "Surface (m²)") do not change the column. */
const sansUnites = (entete: string): string => normaliserTexte(entete).replace(/(?:(?:en|par)?(?:m2|euros|mois))+$/, '');

export function colonneDeLEntete(entete: string): Colonne | undefined {
  const cle = sansUnites(entete);
  return COLONNES.find((c) => c.entetes.includes(cle));
}
