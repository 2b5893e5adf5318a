import { alertesDossier } from '../domain/index.ts';
import type { AlerteDossier, Proposition } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { contexteAgenda } from './contexte-agenda.ts';
import { lireParametres } from './referentiel.ts';

// Proposal clocks in the caseload, apart from the proposal repositories so the caseload loads only these.
/** Per household, its proposals' clocks that are overdue or due soon (partners' validation, household's answer). */
export async function alertesPropositionsDesMenages(db: RelogementDb, menageIds: readonly string[], aujourdhui: string): Promise<Map<string, AlerteDossier[]>> {
  const [propositions, territoire] = await Promise.all([db.propositions.where('menageId').anyOf([...menageIds]).toArray(), lireParametres(db)]);
  const ctx = contexteAgenda(territoire, aujourdhui);
  const parMenage = new Map<string, Proposition[]>();
  for (const p of propositions) parMenage.set(p.menageId, [...(parMenage.get(p.menageId) ?? []), p]);
  const alertes = new Map<string, AlerteDossier[]>();
  for (const [menageId, liste] of parMenage) {
    // Only the proposals: the other clocks of the household have their own badges.
    const dossier = { menageId, nom: '', dateOuvertureResidence: null, entretiens: [], dernierContact: null, dateRelogement: null, visites: [], enquete: null, pieces: [], propositions: liste };
    const trouvees = alertesDossier(dossier, ctx);
    if (trouvees.length > 0) alertes.set(menageId, trouvees);
  }
  return alertes;
}
