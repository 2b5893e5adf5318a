import type { OrganisationKind, Role } from './protocol.ts';

// Who gets which steering report, for the server (which answers) and the device (its menu and
// screen). No schema here: the menu is on the first screen, which loads no zod.

/**
 * Where an account's « Pilotage » comes from:
 * - `tablette`: a chargée, over her caseload, and an encadrant of an operator, a landlord or the
 *   platform over its organisation, from the records the device holds (households included);
 * - `territoire`: the métropole and the State (any account but a chargée): every organisation of
 *   their territory, from the server, aggregates only. Their devices hold no household;
 * - `organisation`: a landlord's partner account, from the server, aggregates only: its
 *   organisation's dwellings, whichever organisation of the territory relocated there (a partner
 *   account sees no household);
 * - null: other partners, who steer nothing.
 * The platform's encadrant keeps its organisation's view: it is a relocation team with households
 * of its own, and the territory's figures are the steering committee's (convention AMP, art. 12).
 */
export type SourcePilotageCompte = 'tablette' | 'territoire' | 'organisation' | null;

/** What the server answers, and the screen says, to an account that gets no report. */
export const SANS_RAPPORT_PILOTAGE =
  'Le rapport de pilotage est celui de la métropole, de l’État et de chaque bailleur : ce compte n’en reçoit pas.';

const PILOTES: readonly (OrganisationKind | null)[] = ['metropole', 'etat'];

export function sourcePilotage(role: Role, kind: OrganisationKind | null): SourcePilotageCompte {
  if (role === 'chargé') return 'tablette';
  if (PILOTES.includes(kind)) return 'territoire';
  if (role !== 'partenaire') return 'tablette';
  return kind === 'bailleur' ? 'organisation' : null;
}
