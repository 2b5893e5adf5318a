import {
  LIBELLES_AUTEUR_REFUS,
  LIBELLES_CIRCUIT,
  LIBELLES_ETAT_ECHEANCE,
  LIBELLES_ETAT_PROPOSITION,
  LIBELLES_MODE_CONGE,
  LIBELLES_MOTIF_REFUS,
  LIBELLES_PIECE_SUITE_JURIDIQUE,
  echeanceReponseSuivie,
  echeanceValidationPartenaires,
  estClose,
  estOpposable,
  etatEcheance,
  etatProposition,
  libelleDelai,
  refusDe,
  reponseEchue,
  type Offre,
  type Proposition,
  type ReglagesProposition,
} from '../../domain/index.ts';
import { aujourdhui } from '../commun/contexte.ts';
import { lien } from '../app/route.ts';
import { EtapesAFaire } from './Etapes.tsx';
import { FinDeParcours } from './FinDeParcours.tsx';
import { le, libelleOffre, lireInstantane } from './format.ts';

// One proposal: what was recorded, step by step with its dates; who refused it; its clocks; the
// steps still to record while it is in progress.

export function regleDelaiReponse(r: ReglagesProposition): string {
  const depuis = [
    r.delaiReponseApresVisite && `${libelleDelai(r.delaiReponseApresVisite)} après la visite`,
    r.delaiReponseApresOffre && `${libelleDelai(r.delaiReponseApresOffre)} après la notification de l’offre écrite`,
  ].filter(Boolean);
  return `Délai de réponse : ${depuis.join(', et jamais moins de ')}${depuis.length > 1 ? ' (la plus tardive des deux dates)' : ''}. Le jour de départ ne compte pas ; une échéance tombant un samedi, un dimanche ou un jour férié est reportée au premier jour ouvrable suivant (CPC art. 641-642). Le silence à l’échéance vaut refus.`;
}

function Chronologie({ p }: { p: Proposition }) {
  const lignes: [string, string][] = [
    [`Proposée le ${le(p.proposeeLe)}`, `${LIBELLES_CIRCUIT[p.circuit]} · validation : ${p.partenaires.join(', ')}`],
  ];
  for (const [nom, a] of Object.entries(p.avis))
    lignes.push([`Avis de ${nom} le ${le(a.date)}`, a.avis === 'favorable' ? 'Favorable' : `Défavorable : ${a.motif}`]);
  if (p.caleol)
    lignes.push([
      `CALEOL du ${le(p.caleol.date)}`,
      p.caleol.decision === 'attribution' ? 'Attribution' : `Refus de la CALEOL : ${p.caleol.motif}`,
    ]);
  if (p.offreNotifieeLe) lignes.push([`Offre écrite notifiée le ${le(p.offreNotifieeLe)}`, '']);
  if (p.visite) lignes.push([`Visite le ${le(p.visite.date)}${p.visite.heure ? ` à ${p.visite.heure.replace(':', ' h ')}` : ''}`, '']);
  if (p.reponse) {
    const r = p.reponse;
    const texte =
      r.decision === 'acceptation'
        ? 'Acceptée par le ménage'
        : r.decision === 'sans_reponse'
          ? 'Refus du ménage : sans réponse dans le délai'
          : `Refus du ménage : ${r.motif ? LIBELLES_MOTIF_REFUS[r.motif] : ''}${r.commentaire ? ` — ${r.commentaire}` : ''}`;
    lignes.push([`Réponse du ménage le ${le(r.date)}`, texte]);
  }
  if (p.conge)
    lignes.push([
      `Congé remis le ${le(p.conge.notifieLe)}`,
      `${LIBELLES_MODE_CONGE[p.conge.mode]}, envoyé le ${le(p.conge.envoyeLe)} · preuve : ${p.conge.preuve}`,
    ]);
  if (p.refusLegitime)
    lignes.push([`Refus reconnu légitime le ${le(p.refusLegitime.date)}`, `${p.refusLegitime.motif} (ce refus ne compte pas)`]);
  if (p.suiteJuridique) {
    const s = p.suiteJuridique;
    lignes.push([
      `Dossier transmis le ${le(s.transmisLe)} à la suite juridique`,
      [
        `${s.destinataire} · pièces : ${s.pieces.map((x) => LIBELLES_PIECE_SUITE_JURIDIQUE[x].toLowerCase()).join(', ') || 'aucune'}`,
        s.commentaire,
      ]
        .filter(Boolean)
        .join(' — '),
    ]);
  }
  if (p.bailSigneLe)
    lignes.push([
      `Bail signé le ${le(p.bailSigneLe)}`,
      p.temporaire ? 'Logement temporaire : le relogement définitif reste à faire' : 'Date de relogement',
    ]);
  if (p.retrait) lignes.push([`Retirée le ${le(p.retrait.date)}`, p.retrait.motif]);
  return (
    <dl class="chronologie">
      {lignes.map(([quand, quoi]) => (
        <div key={quand}>
          <dt>{quand}</dt>
          <dd>{quoi}</dd>
        </div>
      ))}
    </dl>
  );
}

function Delais({ p, r, bientotJours }: { p: Proposition; r: ReglagesProposition; bientotJours: number }) {
  if (estClose(p)) return null;
  const jour = aujourdhui();
  const horloges: { libelle: string; echeance: string }[] = [];
  const validation = etatProposition(p) === 'soumise' ? echeanceValidationPartenaires(p, r) : null;
  if (validation) horloges.push({ libelle: 'Validation des partenaires attendue au plus tard le', echeance: validation });
  const reponse = echeanceReponseSuivie(p, r);
  if (reponse)
    horloges.push({
      libelle: reponse.avantVisite
        ? 'Réponse du ménage à l’offre écrite attendue au plus tard le'
        : 'Réponse du ménage attendue au plus tard le',
      echeance: reponse.echeance,
    });
  return (
    <div class="delais">
      {horloges.map((h) => {
        const etat = etatEcheance(h.echeance, jour, bientotJours);
        return (
          <p key={h.libelle} class={`delai ${etat}`}>
            {h.libelle} <strong>{le(h.echeance)}</strong>
            {etat !== 'a_venir' && (
              <>
                {' '}
                <span class={`badge ${etat === 'en_retard' ? 'alerte' : 'info'}`}>
                  {etat === 'en_retard' ? 'Délai dépassé' : LIBELLES_ETAT_ECHEANCE.bientot}
                </span>
              </>
            )}
          </p>
        );
      })}
      {reponseEchue(p, r, jour) && (
        <p class="erreur">Le délai de réponse est dépassé : enregistrez l’absence de réponse, qui vaut refus.</p>
      )}
      {reponse && (
        <p class="aide">
          {regleDelaiReponse(r)}
          {reponse.avantVisite && ' La visite du logement peut reporter cette échéance.'}
        </p>
      )}
    </div>
  );
}

export function CarteProposition({
  p,
  offre,
  reglages,
  bientotJours,
  propositions,
}: {
  p: Proposition;
  offre: Offre | undefined;
  reglages: ReglagesProposition;
  bientotJours: number;
  propositions: readonly Proposition[];
}) {
  const refus = refusDe(p);
  const simulation = lireInstantane(p.simulation);
  return (
    <article class="proposition panneau" aria-labelledby={`titre-proposition-${p.id}`}>
      <h3 id={`titre-proposition-${p.id}`}>
        {p.temporaire ? 'Relogement temporaire' : `Proposition n° ${p.rang}`}{' '}
        {estOpposable(p, reglages) && <span class="badge opposable">Proposition opposable</span>}
        {p.refusLegitime && (
          <>
            {' '}
            <span class="badge info">Refus légitime, non compté</span>
          </>
        )}
      </h3>
      <p>{libelleOffre(offre)}</p>
      <p>
        <span class={`badge etat-${etatProposition(p)}`}>{LIBELLES_ETAT_PROPOSITION[etatProposition(p)]}</span>
        {refus && (
          <>
            {' '}
            <span class={`badge refus-${refus.par}`}>
              {LIBELLES_AUTEUR_REFUS[refus.par]} le {le(refus.date)}
            </span>
          </>
        )}
      </p>
      <p class="aide">
        {simulation
          ? `Simulation jointe : ${simulation.libelle || 'sans titre'} du ${le(simulation.creeLe)}, conservée telle quelle.`
          : 'Aucune simulation enregistrée pour ce logement au moment de la proposition.'}
      </p>
      <Chronologie p={p} />
      <Delais p={p} r={reglages} bientotJours={bientotJours} />
      <p class="actions">
        <a class="bouton" href={lien.propositions(p.menageId, 'caleol', p.id)}>
          Fiche CALEOL
        </a>
        <a class="bouton" href={lien.propositions(p.menageId, 'courrier', p.id)}>
          Courrier de proposition
        </a>
      </p>
      <EtapesAFaire proposition={p} />
      <FinDeParcours p={p} propositions={propositions} reglages={reglages} bientotJours={bientotJours} />
    </article>
  );
}
