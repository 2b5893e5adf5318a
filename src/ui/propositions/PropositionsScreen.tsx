import { estOpposable, situationPropositions } from '../../domain/index.ts';
import { dossierPropositions } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien } from '../app/route.ts';
import { CarteProposition } from './CarteProposition.tsx';
import { Decohabitation } from './Decohabitation.tsx';
import { Demenagements } from './Demenagements.tsx';
import { Mediations } from './Mediation.tsx';
import { NouvelleProposition } from './NouvelleProposition.tsx';
import { Orientation } from './Orientation.tsx';
import { le } from './format.ts';
import { PapierScreen, estPapier } from './Papiers.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// A household's way from orientation to the lease (charte §4 steps 6 to 12), and its papers.
export default function PropositionsScreen({ id, papier, cible }: { id: string; papier: string | null; cible: string | null }) {
  const db = useBase();
  const dossier = useLive(() => dossierPropositions(db, id), [db, id]);
  if (dossier === undefined) return <EnChargement titre={ECRANS.propositions.titre}>Chargement des propositions du ménage…</EnChargement>;
  if (dossier === null)
    return (
      <p class="erreur">
        Ce ménage n’existe pas sur cette tablette. <a href={lien.menages()}>Retour à la liste</a>
      </p>
    );
  if (estPapier(papier)) return <PapierScreen dossier={dossier} papier={papier} cible={cible} />;
  const reglages = dossier.territoire.propositions;
  const s = situationPropositions(dossier.propositions, reglages);
  const peutProposer = !s.enCours && !s.relogeLe;
  const mediationRequise = s.refusDeclenchantMediation !== null;
  return (
    <div class="ecran-propositions">
      <p class="retour">
        <a href={lien.menage(id)}>← {dossier.menage.nom || 'Ménage sans nom'}</a>
      </p>
      <h1>
        {ECRANS.propositions.titre} — {dossier.menage.nom || 'Ménage sans nom'}
      </h1>
      <Decohabitation dossier={dossier} />
      <Orientation dossier={dossier} />
      <section class="panneau" aria-labelledby="titre-propositions">
        <h2 id="titre-propositions">Propositions</h2>
        <p>
          {s.comptees.length} proposition{s.comptees.length > 1 ? 's' : ''} faite{s.comptees.length > 1 ? 's' : ''} au ménage (
          {reglages.maxPropositions} lui sont dues)
          {s.relogeLe
            ? ` · relogé, bail signé le ${le(s.relogeLe)}`
            : s.relogeTemporairementLe
              ? ` · dans un logement temporaire depuis le ${le(s.relogeTemporairementLe)}, relogement définitif à faire`
              : ''}
        </p>
        <p class="actions">
          <a class="bouton" href={lien.propositions(id, 'comparaison')}>
            Comparaison des propositions
          </a>
          <a class="bouton" href={lien.propositions(id, 'caleol')}>
            Fiche CALEOL
          </a>
        </p>
        {dossier.propositions.map((p) => (
          <CarteProposition
            key={p.id}
            p={p}
            propositions={dossier.propositions}
            offre={dossier.offres.find((o) => o.id === p.offreId)}
            reglages={reglages}
            bientotJours={dossier.territoire.agenda.bientotJours}
          />
        ))}
      </section>
      <Demenagements dossier={dossier} />
      <Mediations dossier={dossier} requise={mediationRequise} />
      {peutProposer && (
        <NouvelleProposition dossier={dossier} rang={s.prochainRang} opposable={estOpposable({ rang: s.prochainRang }, reglages)} />
      )}
    </div>
  );
}
