import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  LIBELLES_TYPOLOGIE,
  TYPOLOGIES,
  dateEnLettres,
  lignePlanSchema,
  planContreRealise,
  revisionCourante,
  tableauPlan,
  trimestreDe,
  type DonneesPilotage,
  type LignePlan,
  type PlanRelogement,
} from '../../domain/index.ts';
import { enregistrerPlan } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { TableauDonnees } from './Graphique.tsx';

// The relocation plan of one operation (charte §6.6): the encadrant types the forecast by year,
// résidence and dwelling type; each valid change is saved at once as this quarter's revision, the
// earlier quarters' stay as they were. A wrong figure is shown at its field and kept in the draft,
// never saved.

type Brouillon = { annee: string; residenceId: string; typologie: string; prevus: string };
type Champ = keyof Brouillon;

const versBrouillon = (l: LignePlan): Brouillon => ({
  annee: String(l.annee),
  residenceId: l.residenceId,
  typologie: l.typologie,
  prevus: String(l.prevus),
});
/** `2026-T2` as people write it: « T2 2026 ». */
const libelleTrimestre = (t: string) => `${t.slice(5)} ${t.slice(0, 4)}`;
const nombre = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** Each line parsed, or its errors by field. */
function lire(b: Brouillon) {
  return lignePlanSchema.safeParse({ ...b, annee: nombre(b.annee), prevus: nombre(b.prevus), typologie: b.typologie || undefined });
}
function erreursDe(b: Brouillon): Partial<Record<Champ, string>> {
  const r = lire(b);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]).reverse()) as Partial<Record<Champ, string>>;
}

export function EditeurPlan({
  operationId,
  plan,
  donnees,
  jour,
  modifiable,
}: {
  operationId: string;
  plan: PlanRelogement | undefined;
  donnees: DonneesPilotage;
  jour: string;
  modifiable: boolean;
}) {
  const db = useBase();
  const courante = plan ? revisionCourante(plan) : null;
  const [brouillon, setBrouillon] = useState<Brouillon[]>(() => (courante?.lignes ?? []).map(versBrouillon));
  const [etat, setEtat] = useState<string>('');
  const residences = donnees.residences.filter((r) => !r.supprime && r.operationId === operationId);
  const annee = Number(jour.slice(0, 4));

  function changer(suivant: Brouillon[]): void {
    setBrouillon(suivant);
    const lues = suivant.map(lire);
    if (!lues.every((r) => r.success)) {
      setEtat('Non enregistré : corrigez les champs signalés.');
      return;
    }
    const lignes = lues.flatMap((r) => (r.success ? [r.data] : []));
    enregistrerPlan(db, operationId, jour, lignes).then(
      () => setEtat(`Enregistré sur la tablette (révision du ${libelleTrimestre(trimestreDe(jour))}).`),
      () => setEtat('Non enregistré : la tablette n’a pas pu écrire le plan. Réessayez.'),
    );
  }
  const modifierLigne = (i: number, champ: Champ, valeur: string) =>
    changer(brouillon.map((b, j) => (j === i ? { ...b, [champ]: valeur } : b)));
  const ajouter = () =>
    changer([...brouillon, { annee: String(annee), residenceId: residences[0]?.id ?? '', typologie: 'T3', prevus: '0' }]);
  const retirer = (i: number) => changer(brouillon.filter((_, j) => j !== i));

  const historique = Object.entries(plan?.revisions ?? {}).sort(([a], [b]) => b.localeCompare(a));
  const noms = new Map(residences.map((r) => [r.id, r.nom]));
  const compare = plan ? planContreRealise(plan, donnees, annee) : [];
  return (
    <section class="section-rapport" aria-labelledby="titre-plan">
      <h2 id="titre-plan">Plan de relogement de l’opération</h2>
      {courante ? (
        <p class="aide">Prévision en vigueur mise à jour le {dateEnLettres(courante.misAJourLe)}.</p>
      ) : (
        <p class="aide">Aucun plan de relogement pour cette opération.</p>
      )}
      {modifiable && (
        <div class="ne-pas-imprimer">
          {brouillon.length > 0 && (
            <table class="tableau-pilotage plan-edition">
              <caption>Prévision par année, résidence et typologie (révision du trimestre en cours)</caption>
              <thead>
                <tr>
                  <th scope="col">Année</th>
                  <th scope="col">Résidence quittée</th>
                  <th scope="col">Typologie</th>
                  <th scope="col">Relogements prévus</th>
                  <th scope="col">
                    <span class="invisible">Retirer</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {brouillon.map((b, i) => {
                  const erreurs = erreursDe(b);
                  const champ = (c: Champ, libelle: string, saisie: JSX.Element) => (
                    <td class={erreurs[c] ? 'en-erreur' : undefined}>
                      <label class="invisible" for={`plan-${c}-${i}`}>
                        {libelle}, ligne {i + 1}
                      </label>
                      {saisie}
                      {erreurs[c] && (
                        <span id={`erreur-plan-${c}-${i}`} class="erreur" role="alert">
                          {erreurs[c]}
                        </span>
                      )}
                    </td>
                  );
                  const attributs = (c: Champ) => ({
                    id: `plan-${c}-${i}`,
                    'aria-invalid': erreurs[c] ? true : undefined,
                    'aria-describedby': erreurs[c] ? `erreur-plan-${c}-${i}` : undefined,
                  });
                  return (
                    <tr key={i}>
                      {champ(
                        'annee',
                        'Année',
                        <input
                          {...attributs('annee')}
                          inputMode="numeric"
                          value={b.annee}
                          onInput={(e) => modifierLigne(i, 'annee', e.currentTarget.value)}
                        />,
                      )}
                      {champ(
                        'residenceId',
                        'Résidence quittée',
                        <select
                          {...attributs('residenceId')}
                          value={b.residenceId}
                          onChange={(e) => modifierLigne(i, 'residenceId', e.currentTarget.value)}
                        >
                          {residences.map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.nom}
                            </option>
                          ))}
                        </select>,
                      )}
                      {champ(
                        'typologie',
                        'Typologie',
                        <select
                          {...attributs('typologie')}
                          value={b.typologie}
                          onChange={(e) => modifierLigne(i, 'typologie', e.currentTarget.value)}
                        >
                          {TYPOLOGIES.map((t) => (
                            <option key={t} value={t}>
                              {LIBELLES_TYPOLOGIE[t]}
                            </option>
                          ))}
                        </select>,
                      )}
                      {champ(
                        'prevus',
                        'Relogements prévus',
                        <input
                          {...attributs('prevus')}
                          inputMode="numeric"
                          value={b.prevus}
                          onInput={(e) => modifierLigne(i, 'prevus', e.currentTarget.value)}
                        />,
                      )}
                      <td>
                        <button type="button" class="bouton discret" onClick={() => retirer(i)}>
                          Retirer la ligne {i + 1}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div class="actions">
            <button type="button" class="bouton" onClick={ajouter} disabled={residences.length === 0}>
              Ajouter une ligne au plan
            </button>
            <p role="status" class="aide">
              {residences.length === 0 ? 'Aucune résidence dans cette opération : le plan se fait par résidence quittée.' : etat}
            </p>
          </div>
        </div>
      )}
      {compare.length > 0 && <TableauDonnees tableau={{ ...tableauPlan(compare, noms), titre: `Plan ${annee} : prévu et réalisé` }} />}
      {historique.length > 0 && (
        <TableauDonnees
          tableau={{
            code: 'historiquePlan',
            titre: 'Révisions trimestrielles du plan',
            colonnes: ['Trimestre', 'Mise à jour le', `Relogements prévus en ${annee}`],
            lignes: historique.map(([t, r]) => [
              libelleTrimestre(t),
              dateEnLettres(r.misAJourLe),
              r.lignes.filter((l) => l.annee === annee).reduce((s, l) => s + l.prevus, 0),
            ]),
          }}
        />
      )}
    </section>
  );
}
