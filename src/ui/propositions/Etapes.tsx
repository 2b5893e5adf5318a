import {
  LIBELLES_MOTIF_REFUS,
  MOTIFS_REFUS,
  avisAttendus,
  estClose,
  type EvenementProposition,
  type MotifRefus,
  type Proposition,
} from '../../domain/index.ts';
import { enregistrerEtape } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useFormulaireBrouillon } from '../commun/brouillon.ts';
import { Champ, type DefChamp } from './ChampsEtape.tsx';

// The steps still to record on a proposal in progress. Every form is shown, whatever the order:
// a step out of order is refused by the state machine with its French message, and what was
// typed stays in the form.

type Valeurs = Record<string, string>;
export type DefEtape = { cle: string; titre: string; bouton: string; champs: DefChamp[]; construire: (v: Valeurs) => EvenementProposition };

const opt = (valeur: string, libelle: string) => ({ valeur, libelle });
const MOTIFS = MOTIFS_REFUS.map((m) => opt(m, LIBELLES_MOTIF_REFUS[m]));

export function etapesARemplir(p: Proposition): DefEtape[] {
  const etapes: DefEtape[] = avisAttendus(p).map((partenaire) => ({
    cle: `avis-${partenaire}`,
    titre: `Avis de ${partenaire}`,
    bouton: `Enregistrer l’avis de ${partenaire}`,
    champs: [
      { cle: 'date', libelle: `Date de l’avis de ${partenaire}`, genre: 'date', requis: true },
      {
        cle: 'avis',
        libelle: `Sens de l’avis de ${partenaire}`,
        genre: 'choix',
        requis: true,
        options: [opt('favorable', 'Favorable'), opt('defavorable', 'Défavorable')],
      },
      { cle: 'motif', libelle: `Motif de l’avis de ${partenaire}`, genre: 'texte' },
    ],
    construire: (v) => ({ type: 'avis', date: v.date ?? '', partenaire, avis: v.avis as 'favorable', motif: v.motif ?? '' }),
  }));
  if (!p.caleol) {
    etapes.push({
      cle: 'caleol',
      titre: 'Commission d’attribution (CALEOL)',
      bouton: 'Enregistrer la décision de la CALEOL',
      champs: [
        { cle: 'date', libelle: 'Date de la CALEOL', genre: 'date', requis: true },
        {
          cle: 'decision',
          libelle: 'Décision de la CALEOL',
          genre: 'choix',
          requis: true,
          options: [opt('attribution', 'Attribution'), opt('refus', 'Refus de la CALEOL')],
        },
        { cle: 'motif', libelle: 'Motif du refus de la CALEOL', genre: 'texte' },
      ],
      construire: (v) => ({ type: 'caleol', date: v.date ?? '', decision: v.decision as 'attribution', motif: v.motif ?? '' }),
    });
  }
  if (!p.offreNotifieeLe && !p.reponse) {
    etapes.push({
      cle: 'offre',
      titre: 'Offre écrite',
      bouton: 'Enregistrer la notification de l’offre',
      champs: [{ cle: 'date', libelle: 'Date de notification de l’offre écrite', genre: 'date', requis: true }],
      construire: (v) => ({ type: 'offre_notifiee', date: v.date ?? '' }),
    });
  }
  if (!p.visite) {
    etapes.push({
      cle: 'visite',
      titre: 'Visite du logement',
      bouton: 'Enregistrer la visite',
      champs: [
        { cle: 'date', libelle: 'Date de la visite', genre: 'date', requis: true },
        { cle: 'heure', libelle: 'Heure de la visite', genre: 'heure' },
      ],
      construire: (v) => ({ type: 'visite', date: v.date ?? '', heure: v.heure || null }),
    });
  }
  if (!p.reponse) {
    etapes.push({
      cle: 'reponse',
      titre: 'Réponse du ménage',
      bouton: 'Enregistrer la réponse du ménage',
      champs: [
        { cle: 'date', libelle: 'Date de la réponse du ménage', genre: 'date', requis: true },
        {
          cle: 'decision',
          libelle: 'Décision du ménage',
          genre: 'choix',
          requis: true,
          options: [
            opt('acceptation', 'Accepte le logement'),
            opt('refus', 'Refuse le logement'),
            opt('sans_reponse', 'Sans réponse dans le délai (vaut refus)'),
          ],
        },
        { cle: 'motif', libelle: 'Motif du refus du ménage', genre: 'choix', options: MOTIFS },
        { cle: 'commentaire', libelle: 'Précisions du ménage', genre: 'multiligne' },
      ],
      construire: (v) =>
        v.decision === 'sans_reponse'
          ? { type: 'absence_reponse', date: v.date ?? '' }
          : {
              type: 'reponse',
              date: v.date ?? '',
              decision: v.decision as 'refus',
              motif: (v.motif || null) as MotifRefus | null,
              commentaire: v.commentaire ?? '',
            },
    });
  }
  if (!p.bailSigneLe) {
    etapes.push({
      cle: 'bail',
      titre: 'Signature du bail',
      bouton: 'Enregistrer la signature du bail',
      champs: [{ cle: 'date', libelle: 'Date de signature du bail (date de relogement)', genre: 'date', requis: true }],
      construire: (v) => ({ type: 'bail_signe', date: v.date ?? '' }),
    });
  }
  return etapes;
}

export const etapeRetrait = (): DefEtape => ({
  cle: 'retrait',
  titre: 'Retirer la proposition',
  bouton: 'Retirer la proposition',
  champs: [
    { cle: 'date', libelle: 'Date du retrait', genre: 'date', requis: true },
    { cle: 'motif', libelle: 'Motif du retrait', genre: 'texte' },
  ],
  construire: (v) => ({ type: 'retrait', date: v.date ?? '', motif: v.motif ?? '' }),
});

export function FormulaireEtape({ proposition, def, initiales = {} }: { proposition: Proposition; def: DefEtape; initiales?: Valeurs }) {
  const db = useBase();
  const { valeurs, changer, message, enCours, envoyer } = useFormulaireBrouillon<Valeurs>(
    `etape:${proposition.id}:${def.cle}`,
    initiales,
    () => proposition.menageId,
    {
      verifier: (v) => {
        const manquants = def.champs
          .filter((c) => c.requis && !v[c.cle])
          .map((c) => c.libelle.charAt(0).toLowerCase() + c.libelle.slice(1));
        return manquants.length > 0 ? `À renseigner : ${manquants.join(', ')}.` : null;
      },
      enregistrer: (v) => enregistrerEtape(db, proposition.id, def.construire(v), aujourdhui()),
      apres: (v) => v,
      echec: 'L’étape n’a pas pu être enregistrée ; la saisie reste affichée, réessayez.',
    },
  );
  const base = `p${proposition.rang}${proposition.temporaire ? 't' : ''}-${def.cle.replace(/\W+/g, '-')}`;
  return (
    <form class="etape" onSubmit={(e) => void envoyer(e)} aria-labelledby={`${base}-titre`}>
      <h4 id={`${base}-titre`}>{def.titre}</h4>
      <div class="grille-champs">
        {def.champs.map((c) => (
          <Champ key={c.cle} id={`${base}-${c.cle}`} def={c} valeur={valeurs[c.cle] ?? ''} changer={(v) => changer(c.cle, v)} />
        ))}
      </div>
      {message && (
        <p class="erreur" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="bouton principal" disabled={enCours}>
        {def.bouton}
      </button>
    </form>
  );
}

export function EtapesAFaire({ proposition }: { proposition: Proposition }) {
  if (estClose(proposition)) return null;
  return (
    <div class="etapes-a-faire ne-pas-imprimer">
      <h3>Étapes à enregistrer</h3>
      {etapesARemplir(proposition).map((d) => (
        <FormulaireEtape key={d.cle} proposition={proposition} def={d} />
      ))}
      <details class="retrait">
        <summary>Retirer cette proposition</summary>
        <FormulaireEtape proposition={proposition} def={etapeRetrait()} />
      </details>
    </div>
  );
}
