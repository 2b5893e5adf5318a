import type { ContexteAgenda, ReglagesTerritoire } from '../domain/index.ts';

// The clocks' settings as the agenda and the caseload read them, apart from the follow-up
// repositories so that the caseload does not load them.
export const contexteAgenda = (p: ReglagesTerritoire, aujourdhui: string): ContexteAgenda => ({
  aujourdhui,
  echeances: { delaiPremiersEntretiensMois: p.delaiPremiersEntretiensMois, cadenceContactMois: p.cadenceContactMois, ...p.agenda },
  suivi: p.suivi,
  propositions: p.propositions,
  reunions: p.reunions,
});
