import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import {
  classerOffresPourMenage,
  formatEuros,
  formatTaux,
  logementActuelDe,
  menageSimuleDe,
  profilDe,
  simuler,
} from '../../domain/index.ts';
import type { Entretien, Offre, Personne, SimulationEnregistree } from '../../domain/index.ts';
import { contexteSimulation, donneesSimulationMenage, enregistrerSimulation, listerOffres, simulationsDuMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { PanneauSimulation, libelleOffre, type DonneesPanneau, type SimulationAEnregistrer } from './PanneauSimulation.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// "Simuler" on a household (issue 4 §5): its latest interview and occupants on one side, an offer
// or a typed dwelling on the other; the simulations saved on it; the offers ranked for it.

const jour = (iso: string) => format(parseISO(iso), 'd MMMM yyyy', { locale: fr });

function SimulationsEnregistrees({ simulations }: { simulations: readonly SimulationEnregistree[] }) {
  if (simulations.length === 0) return <p>Aucune simulation enregistrée pour ce ménage.</p>;
  return (
    <ul class="simulations-enregistrees">
      {simulations.map((s) => {
        // Recomputed with the barème and settings it was saved with: the figures of that day.
        const r = simuler(s.entree, { bareme: s.bareme, reglages: s.reglages });
        return (
          <li key={s.id}>
            <strong>{s.libelle || 'Simulation'}</strong> — {jour(s.creeLe)} : loyer {formatEuros(s.entree.apres.loyer)}, reste à charge{' '}
            {formatEuros(r.apres.resteACharge)}, taux d’effort {formatTaux(r.apres.tauxEffort)}, reste à vivre{' '}
            {formatEuros(r.apres.resteAVivre)} par jour et par personne
            {r.bareme.exemple ? ' (barème d’exemple)' : ''}.
          </li>
        );
      })}
    </ul>
  );
}

function OffresClassees({
  menageId,
  entretien,
  personnes,
  offres,
  date,
  contexte,
}: {
  menageId: string;
  entretien: Entretien;
  personnes: readonly Personne[];
  offres: readonly Offre[];
  date: string;
  contexte: NonNullable<DonneesPanneau['contexte']>;
}) {
  const profil = profilDe(menageId, { reponses: entretien.reponses, personnes });
  if (!profil) return <p>Le classement des offres attend le loyer, les charges, l’APL et les ressources dans l’entretien.</p>;
  const { classement } = classerOffresPourMenage(profil, offres, { ...contexte, date }, { limite: 10 });
  if (classement.length === 0) return <p>Aucune offre complète à classer.</p>;
  const parId = new Map(offres.map((o) => [o.id, o]));
  return (
    <ol class="classement">
      {classement.map((a) => {
        const o = parId.get(a.offreId);
        return (
          <li key={a.offreId}>
            <a href={lien.simulation(menageId, a.offreId)}>{o ? libelleOffre(o) : a.offreId}</a> — adéquation {Math.round(a.score)} / 100
            {a.compatible ? '' : ' (besoin non satisfait)'}
            <ul class="raisons">
              {a.raisons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

export default function SimulationScreen({ menageId, offreId }: { menageId: string; offreId: string | null }) {
  const db = useBase();
  const date = aujourdhui();
  const donnees = useLive(async () => {
    const [menage, offres, contexte] = await Promise.all([
      donneesSimulationMenage(db, menageId),
      listerOffres(db),
      contexteSimulation(db, date),
    ]);
    return { ...menage, offres, contexte };
  }, [db, menageId, date]);
  const simulations = useLive(() => simulationsDuMenage(db, menageId), [db, menageId]);
  if (!donnees) return <EnChargement titre={ECRANS.simulation.titre}>Chargement du ménage…</EnChargement>;
  const { menage, personnes, entretien, offres, contexte } = donnees;
  if (!menage || menage.supprime)
    return (
      <p class="erreur">
        Ce ménage n’existe pas sur cette tablette. <a href={lien.menages()}>Retour à la liste</a>
      </p>
    );
  const reponses = entretien?.reponses ?? {};
  const { menage: simule, manques } = menageSimuleDe({ reponses, personnes });
  const actuel = logementActuelDe(reponses);
  const ctx = contexte.bareme ? { bareme: contexte.bareme, reglages: contexte.reglages } : null;
  const panneau: DonneesPanneau = {
    date,
    menage: simule,
    manques: entretien ? manques : ['Aucun entretien : les chiffres du ménage viennent de son dernier entretien.', ...manques],
    avant: actuel.saisie,
    notesAvant: actuel.notes,
    reponses,
    personnes,
    offres,
    contexte: ctx,
  };
  const enregistrer = async (s: SimulationAEnregistrer) => {
    if (!ctx) return;
    await enregistrerSimulation(db, {
      menageId,
      offreId: s.offreId,
      creeLe: date,
      libelle: s.libelle.slice(0, 200),
      entree: s.entree,
      bareme: ctx.bareme,
      reglages: ctx.reglages,
    });
  };
  return (
    <div class="ecran-simulation">
      <p class="actions retour">
        <a href={lien.menage(menageId)}>← {menage.nom || 'Ménage'}</a>
      </p>
      <h1>
        {ECRANS.simulation.titre} — {menage.nom || 'Ménage sans nom'}
      </h1>
      <p class="impression-seule">Fiche de simulation du {jour(date)}. Document d’aide à la décision : les partenaires décident.</p>
      <PanneauSimulation
        donnees={panneau}
        offreInitiale={offreId}
        enregistrer={enregistrer}
        surChoixOffre={(id) => naviguer(lien.simulation(menageId, id ?? undefined), true)}
      />
      <section class="panneau" aria-labelledby="titre-enregistrees">
        <h2 id="titre-enregistrees">Simulations enregistrées</h2>
        {simulations && <SimulationsEnregistrees simulations={simulations} />}
      </section>
      {entretien && ctx && (
        <section class="panneau" aria-labelledby="titre-classement">
          <h2 id="titre-classement">Offres classées pour ce ménage</h2>
          <OffresClassees menageId={menageId} entretien={entretien} personnes={personnes} offres={offres} date={date} contexte={ctx} />
        </section>
      )}
    </div>
  );
}
