import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// Hash routes: they survive a reload offline and need nothing from the server.
// A screen is one entry of `ECRANS`: its address segments, its title and how to load it. Parsing,
// links, titles and lazy loading all come from that entry.

type Segments = readonly string[];
type Parametres<R extends Segments, O extends Segments> = { [K in R[number]]: string } & { [K in O[number]]: string | null };

interface Ecran<R extends Segments, O extends Segments> {
  /**
   * The document's title and the screen's heading, also while it loads (`EnChargement`); where the
   * heading names what the screen shows (a household), its generic part.
   */
  titre: string;
  /** Segments after the screen's name, in order: required ones first, then optional ones. */
  requis: R;
  options: O;
  /** The screen's module; its default export receives the segments as props. */
  vue: () => Promise<{ default: ComponentType<Parametres<R, O>> }>;
  /** What makes a new instance of the screen (its state starts afresh); the required segments by default. */
  cle?: (p: Parametres<R, O>) => string;
}

function ecran<const R extends Segments = [], const O extends Segments = []>(d: {
  titre: string;
  requis?: R;
  options?: O;
  vue: Ecran<R, O>['vue'];
  cle?: Ecran<R, O>['cle'];
}): Ecran<R, O> {
  return { ...d, requis: d.requis ?? ([] as unknown as R), options: d.options ?? ([] as unknown as O) };
}

export const ECRANS = {
  menages: ecran({ titre: 'Mes ménages', vue: () => import('../menages/Caseload.tsx') }),
  menage: ecran({ titre: 'Ménage', requis: ['id'], vue: () => import('../menage/MenageScreen.tsx') }),
  /** `champ`: the id of the field to focus once the section is shown. */
  entretien: ecran({
    titre: 'Entretien',
    requis: ['id'],
    options: ['section', 'champ'],
    vue: () => import('../entretien/EntretienScreen.tsx'),
  }),
  propositions: ecran({
    titre: 'Orientation et propositions',
    requis: ['id'],
    options: ['papier', 'cible'],
    vue: () => import('../propositions/PropositionsScreen.tsx'),
  }),
  offres: ecran({ titre: 'Offres de logement', vue: () => import('../offres/OffresScreen.tsx') }),
  offre: ecran({ titre: 'Offre', requis: ['id'], vue: () => import('../offres/OffreScreen.tsx') }),
  offresPartagees: ecran({ titre: 'Offres du territoire', vue: () => import('../offres-partagees/OffresPartageesScreen.tsx') }),
  offrePartagee: ecran({
    titre: 'Offre du territoire',
    requis: ['id'],
    vue: () => import('../offres-partagees/OffrePartageeScreen.tsx'),
  }),
  simulation: ecran({
    titre: 'Simulation',
    requis: ['menageId'],
    options: ['offreId'],
    vue: () => import('../simulation/SimulationScreen.tsx'),
    cle: (p) => `${p.menageId}/${p.offreId ?? ''}`,
  }),
  baremes: ecran({ titre: 'Simulation : seuils et barèmes FSL', vue: () => import('../baremes/BaremesScreen.tsx') }),
  parametres: ecran({ titre: 'Paramètres', vue: () => import('../parametres/ParametresScreen.tsx') }),
  agenda: ecran({ titre: 'À faire', vue: () => import('../agenda/AgendaScreen.tsx') }),
  visite: ecran({
    titre: 'Visite de courtoisie',
    requis: ['id'],
    vue: () => import('../suivi/VisiteScreen.tsx'),
  }),
  enquete: ecran({ titre: 'Enquête de satisfaction', requis: ['id'], vue: () => import('../suivi/EnqueteScreen.tsx') }),
  dossier: ecran({
    titre: 'Dossier administratif',
    requis: ['id'],
    vue: () => import('../dossier/DossierScreen.tsx'),
  }),
  connexion: ecran({ titre: 'Connexion', vue: () => import('../synchro/Connexion.tsx') }),
  refusees: ecran({ titre: 'Modifications refusées', vue: () => import('../synchro/RefuseesScreen.tsx') }),
  accessibilite: ecran({ titre: 'Déclaration d’accessibilité', vue: () => import('../accessibilite/AccessibiliteScreen.tsx') }),
  pilotage: ecran({ titre: 'Pilotage', vue: () => import('../pilotage/PilotageScreen.tsx') }),
  /** An opération's meetings (`id`: the opération), one of them open (`reunionId`). */
  reunions: ecran({
    titre: 'Réunions des partenaires',
    options: ['id', 'reunionId'],
    vue: () => import('../reunions/ReunionsScreen.tsx'),
    cle: (p) => p.id ?? '',
  }),
};

type Ecrans = typeof ECRANS;
export type NomEcran = keyof Ecrans;
type ParametresDe<E> = E extends Ecran<infer R, infer O> ? Parametres<R, O> : never;
export type Route = { [K in NomEcran]: { ecran: K } & ParametresDe<Ecrans[K]> }[NomEcran];

const ACCUEIL = 'menages' satisfies NomEcran;

function estNomEcran(nom: string): nom is NomEcran {
  return Object.hasOwn(ECRANS, nom);
}

export function lireRoute(hash: string): Route {
  const [, nom = '', ...segments] = hash.replace(/^#/, '').split('/');
  if (!estNomEcran(nom)) return { ecran: ACCUEIL };
  const { requis, options } = ECRANS[nom] as Ecran<Segments, Segments>;
  if (requis.some((_, i) => !segments[i])) return { ecran: ACCUEIL };
  const route: Record<string, string | null> = { ecran: nom };
  requis.forEach((cle, i) => (route[cle] = segments[i]!));
  options.forEach((cle, i) => (route[cle] = segments[requis.length + i] || null));
  return route as Route;
}

type Arguments<E> = E extends Ecran<infer R, infer O> ? [...{ [I in keyof R]: string }, ...Partial<{ [I in keyof O]: string }>] : never;

function adresse(nom: NomEcran, valeurs: readonly (string | undefined)[]): string {
  if (nom === ACCUEIL) return '#/';
  // An optional segment is only meaningful after the ones before it.
  const fin = valeurs.findIndex((v) => !v);
  return ['#', nom, ...(fin === -1 ? valeurs : valeurs.slice(0, fin))].join('/');
}

/** `lien.entretien(id, section, champ)`: the address of a screen from its segments, in order. */
export const lien = Object.fromEntries(
  Object.keys(ECRANS).map((nom) => [nom, (...valeurs: (string | undefined)[]) => adresse(nom as NomEcran, valeurs)]),
) as { [K in NomEcran]: (...valeurs: Arguments<Ecrans[K]>) => string };

export function titre(route: Route): string {
  return ECRANS[route.ecran].titre;
}

/** The props a screen receives and the key that decides when it starts afresh. */
export function parametres(route: Route): { props: Record<string, string | null>; cle: string } {
  const { ecran: nom, ...props } = route as { ecran: NomEcran } & Record<string, string | null>;
  const { requis, cle } = ECRANS[nom] as { requis: Segments; cle?: (p: Record<string, string | null>) => string };
  return { props, cle: cle ? cle(props) : requis.map((r) => props[r]).join('/') };
}

export function naviguer(hash: string, remplacer = false): void {
  if (remplacer) history.replaceState(null, '', hash);
  else location.hash = hash;
  if (remplacer) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => lireRoute(location.hash));
  useEffect(() => {
    const suivre = () => setRoute(lireRoute(location.hash));
    window.addEventListener('hashchange', suivre);
    return () => window.removeEventListener('hashchange', suivre);
  }, []);
  return route;
}
