import { performance } from 'node:perf_hooks';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT, entreeSimulationSchema, simuler } from '../../src/domain/simulation/index.ts';
import {
  TYPOLOGIES,
  classerMenagesPourOffre,
  classerOffresPourMenage,
  classerOffresPourMenages,
  offreSchema,
  profilMenageSchema,
  type ContexteAppariement,
  type Offre,
  type ProfilMenage,
} from '../../src/domain/offre/index.ts';

// `npm run bench`: the simulation and the matching on a métropole-sized caseload, generated with a
// fixed seed so runs compare.

function aleatoire(graine: number): () => number {
  let a = graine;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNES = ['Lille', 'Roubaix', 'Tourcoing', 'Villeneuve-d’Ascq', 'Wattrelos', 'Hem', 'Loos', 'Mons-en-Barœul', 'Lomme', 'Croix'];

export function generer(nbMenages: number, nbOffres: number) {
  const hasard = aleatoire(42);
  const entre = (min: number, max: number) => min + Math.floor(hasard() * (max - min + 1));
  const parmi = <T>(liste: readonly T[]): T => liste[entre(0, liste.length - 1)] as T;
  const montantOuNull = (min: number, max: number) => (hasard() < 0.5 ? entre(min, max) : null);
  const id = (prefixe: string, i: number) => `0190a5c0-0000-7000-8000-${prefixe}${String(i).padStart(10, '0')}`;
  const profils: ProfilMenage[] = Array.from({ length: nbMenages }, (_, i) => {
    const occupants = entre(1, 7);
    return profilMenageSchema.parse({
      id: id('01', i),
      occupants,
      composition:
        hasard() < 0.5
          ? undefined
          : Array.from({ length: occupants }, (_, k) => ({
              dateNaissance: `${k < 2 ? entre(1950, 2000) : entre(2008, 2025)}-0${entre(1, 9)}-1${entre(0, 9)}`,
              sexe: parmi(['F', 'M'] as const),
              lien: k === 0 ? 'titulaire' : k === 1 ? 'conjoint' : 'enfant',
            })),
      ressourcesMensuelles: [entre(600, 3500), entre(600, 3500), entre(600, 3500)],
      depenses: { impots: entre(0, 80), mutuelle: entre(0, 90), planApurementBailleur: hasard() < 0.1 ? entre(20, 150) : 0 },
      logementActuel: {
        loyer: entre(250, 650),
        chargesGenerales: entre(20, 120),
        eau: montantOuNull(15, 50),
        eauChaude: montantOuNull(10, 40),
        chauffage: montantOuNull(30, 90),
        apl: entre(0, 400),
        surface: entre(25, 110),
        pieces: entre(1, 6),
      },
      typologiesSouhaitees: [parmi(TYPOLOGIES)],
      communesSouhaitees: hasard() < 0.3 ? [] : [parmi(COMMUNES), parmi(COMMUNES)],
      besoinPmr: hasard() < 0.1,
      etageMaxSansAscenseur: hasard() < 0.2 ? entre(0, 3) : null,
    });
  });
  const offres: Offre[] = Array.from({ length: nbOffres }, (_, i) => {
    const typologie = parmi(TYPOLOGIES);
    const eauComprise = hasard() < 0.5;
    return offreSchema.parse({
      id: id('02', i),
      statut: 'disponible',
      adresse: `${i + 1} rue de l’Exemple`,
      commune: parmi(COMMUNES),
      typologie,
      surface: 20 + 15 * TYPOLOGIES.indexOf(typologie) + entre(0, 15),
      etage: entre(0, 8),
      ascenseur: hasard() < 0.6,
      pmr: hasard() < 0.2,
      loyer: entre(250, 900),
      charges: entre(40, 200),
      eauComprise,
      dontEau: eauComprise && hasard() < 0.7 ? entre(10, 35) : null,
      chauffageCompris: hasard() < 0.4,
      dontChauffage: null,
      anneePremiereLocation: entre(1960, 2026),
    });
  });
  return { profils, offres };
}

async function mediane(fois: number, f: () => unknown): Promise<number> {
  f();
  f();
  const durees: number[] = [];
  for (let i = 0; i < fois; i++) {
    const debut = performance.now();
    f();
    durees.push(performance.now() - debut);
    await new Promise((r) => setImmediate(r));
  }
  durees.sort((a, b) => a - b);
  return durees[Math.floor(durees.length / 2)] ?? NaN;
}

const ms = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n)} ms`;

export async function bench(): Promise<Record<string, string>> {
  const { profils, offres } = generer(500, 1000);
  const ctx: ContexteAppariement = { date: '2026-03-01', bareme: BAREME_EXEMPLE, reglages: REGLAGES_SIMULATION_PAR_DEFAUT };
  const insee: ContexteAppariement = { ...ctx, reglages: { ...REGLAGES_SIMULATION_PAR_DEFAUT, normeOccupation: 'insee' } };
  const profil = profils[0] as ProfilMenage;
  const offre = offres[0] as Offre;
  const entree = entreeSimulationSchema.parse({
    date: ctx.date,
    occupants: profil.occupants,
    ressourcesMensuelles: profil.ressourcesMensuelles,
    depenses: profil.depenses,
    avant: profil.logementActuel,
    apres: profil.logementActuel,
  });
  const simulations = 10_000;
  const uneSimulation =
    (await mediane(5, () => {
      for (let i = 0; i < simulations; i++) simuler(entree, ctx);
    })) / simulations;
  return {
    'Simulation et classement 500 ménages × 1 000 offres (raisons des 10 meilleures offres par ménage)': `${ms(await mediane(7, () => classerOffresPourMenages(profils, offres, ctx, { limite: 10 })))} (objectif ≤ 250 ms)`,
    'Même classement avec la norme d’occupation de l’INSEE': ms(
      await mediane(5, () => classerOffresPourMenages(profils, offres, insee, { limite: 10 })),
    ),
    'Classement des 1 000 offres pour un ménage, raisons de chacune': ms(
      await mediane(9, () => classerOffresPourMenage(profil, offres, ctx)),
    ),
    'Classement des 500 ménages pour une offre, raisons de chacun': ms(
      await mediane(9, () => classerMenagesPourOffre(offre, profils, ctx)),
    ),
    'Une simulation complète avant/après (simuler)': `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(uneSimulation * 1000)} µs`,
  };
}
