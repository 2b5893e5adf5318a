import {
  LIBELLES_ETAT_ECHEANCE,
  LIBELLES_MODE_CONGE,
  LIBELLES_PIECE_SUITE_JURIDIQUE,
  MODES_CONGE,
  MOIS_MAINTIEN_APRES_CONGE,
  PIECES_SUITE_JURIDIQUE,
  echeanceConge,
  etatEcheance,
  refusComptesJusqua,
  refusCompte,
  refusParLeMenage,
  type PieceSuiteJuridique,
  type Proposition,
  type ReglagesProposition,
} from '../../domain/index.ts';
import { aujourdhui } from '../commun/contexte.ts';
import { casesCochees } from './ChampsEtape.tsx';
import { FormulaireEtape, type DefEtape } from './Etapes.tsx';
import { le } from './format.ts';

// The end of the path (charte §3.4 C and D, CCH L442-6): the congé served with the binding
// proposal and its six months; a refusal judged legitimate, which then does not count; the file
// handed to the legal follow-up. Each form goes through the proposal's state machine.

const opt = (valeur: string, libelle: string) => ({ valeur, libelle });

const etapeConge: DefEtape = {
  cle: 'conge',
  titre: 'Congé remis avec la proposition opposable',
  bouton: 'Enregistrer le congé',
  champs: [
    {
      cle: 'mode',
      libelle: 'Mode de remise du congé',
      genre: 'choix',
      requis: true,
      options: MODES_CONGE.map((m) => opt(m, LIBELLES_MODE_CONGE[m])),
    },
    { cle: 'envoyeLe', libelle: 'Congé envoyé le', genre: 'date', requis: true },
    { cle: 'date', libelle: 'Congé remis le (date de l’accusé de réception ou de l’acte)', genre: 'date', requis: true },
    { cle: 'preuve', libelle: 'Preuve de remise (n° de l’accusé de réception, référence de l’acte)', genre: 'texte', requis: true },
  ],
  construire: (v) => ({
    type: 'conge',
    mode: v.mode as 'huissier',
    envoyeLe: v.envoyeLe ?? '',
    date: v.date ?? '',
    preuve: v.preuve ?? '',
  }),
};

const etapeRefusLegitime: DefEtape = {
  cle: 'refus-legitime',
  titre: 'Reconnaître le refus comme légitime',
  bouton: 'Reconnaître le refus comme légitime',
  champs: [
    { cle: 'date', libelle: 'Refus reconnu légitime le', genre: 'date', requis: true },
    { cle: 'motif', libelle: 'Pourquoi le refus est légitime', genre: 'multiligne', requis: true },
  ],
  construire: (v) => ({ type: 'refus_legitime', date: v.date ?? '', motif: v.motif ?? '' }),
};

const etapeSuiteJuridique: DefEtape = {
  cle: 'suite-juridique',
  titre: 'Transmettre le dossier à la suite juridique',
  bouton: 'Transmettre le dossier',
  champs: [
    { cle: 'date', libelle: 'Dossier transmis le', genre: 'date', requis: true },
    { cle: 'destinataire', libelle: 'Transmis à (service juridique, avocat…)', genre: 'texte', requis: true },
    {
      cle: 'pieces',
      libelle: 'Pièces jointes au dossier',
      genre: 'cases',
      options: PIECES_SUITE_JURIDIQUE.map((x) => opt(x, LIBELLES_PIECE_SUITE_JURIDIQUE[x])),
    },
    { cle: 'commentaire', libelle: 'Commentaire pour la suite juridique', genre: 'multiligne' },
  ],
  construire: (v) => ({
    type: 'suite_juridique',
    date: v.date ?? '',
    destinataire: v.destinataire ?? '',
    pieces: casesCochees(v.pieces) as PieceSuiteJuridique[],
    commentaire: v.commentaire ?? '',
  }),
};

function HorlogeConge({ p, bientotJours }: { p: Proposition; bientotJours: number }) {
  const fin = echeanceConge(p);
  if (fin === null) return null;
  const etat = etatEcheance(fin, aujourdhui(), bientotJours);
  return (
    <div class={`delai ${etat}`}>
      <p>
        Fin du droit au maintien dans les lieux le <strong>{le(fin)}</strong>
        {etat !== 'a_venir' && (
          <>
            {' '}
            <span class={`badge ${etat === 'en_retard' ? 'alerte' : 'info'}`}>
              {etat === 'en_retard' ? 'Délai écoulé' : LIBELLES_ETAT_ECHEANCE.bientot}
            </span>
          </>
        )}
      </p>
      <p class="aide">
        {MOIS_MAINTIEN_APRES_CONGE} mois après la remise du congé, le ménage qui a refusé la proposition opposable perd son droit au
        maintien dans les lieux (CCH L442-6). Le bailleur transmet alors le dossier à la suite juridique.
      </p>
    </div>
  );
}

/** Which of the end-of-path forms this proposal offers now. */
function etapes(p: Proposition, propositions: readonly Proposition[], r: ReglagesProposition): DefEtape[] {
  const liste: DefEtape[] = [];
  const ouverte = !p.retrait && !p.bailSigneLe && p.reponse?.decision !== 'acceptation';
  const opposable = !p.temporaire && refusComptesJusqua(p, propositions, false) >= r.maxPropositions - 1;
  if (!p.conge && ouverte && opposable && p.caleol?.decision === 'attribution') liste.push(etapeConge);
  if (refusParLeMenage(p) && !p.refusLegitime && !p.suiteJuridique) liste.push(etapeRefusLegitime);
  if (refusCompte(p) && p.conge && !p.suiteJuridique) liste.push(etapeSuiteJuridique);
  return liste;
}

export function FinDeParcours({
  p,
  propositions,
  reglages,
  bientotJours,
}: {
  p: Proposition;
  propositions: readonly Proposition[];
  reglages: ReglagesProposition;
  bientotJours: number;
}) {
  const formulaires = etapes(p, propositions, reglages);
  return (
    <>
      <HorlogeConge p={p} bientotJours={bientotJours} />
      {formulaires.length > 0 && (
        <div class="etapes-a-faire ne-pas-imprimer">
          {formulaires.map((d) => (
            <FormulaireEtape
              key={d.cle}
              proposition={p}
              def={d}
              initiales={d.cle === 'suite-juridique' ? { pieces: PIECES_SUITE_JURIDIQUE.join(',') } : {}}
            />
          ))}
        </div>
      )}
    </>
  );
}
