import { INTEGRATIONS, verifierEnquete } from '../../domain/index.ts';
import type { EnqueteSatisfaction, Option } from '../../domain/index.ts';
import { lireEnquete, lireMenage, modifierEnquete } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampChoix, ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { ChampNote, ChampsRendezVous } from './champs-suivi.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// The satisfaction survey six months after the move (charte §4 step 14): one 1–4 answer per
// question, grouped as the charter asks: the process, the new home, the new neighbourhood.
type Partie = 'deroulement' | 'logement' | 'quartier';
const QUESTIONS: { partie: Partie; titre: string; questions: [string, string][] }[] = [
  {
    partie: 'deroulement',
    titre: 'Le déroulement du relogement',
    questions: [
      ['information', 'Information reçue sur le relogement'],
      ['ecoute', 'Écoute du chargé de relogement'],
      ['souhaits', 'Prise en compte des souhaits'],
      ['demenagement', 'Organisation du déménagement'],
      ['delais', 'Délais du relogement'],
    ],
  },
  {
    partie: 'logement',
    titre: 'Le nouveau logement',
    questions: [
      ['global', 'Satisfaction sur le nouveau logement'],
      ['taille', 'Taille du logement'],
      ['etat', 'État du logement'],
      ['equipements', 'Équipements du logement'],
      ['cout', 'Loyer et charges'],
    ],
  },
  {
    partie: 'quartier',
    titre: 'Le nouveau quartier',
    questions: [
      ['global', 'Satisfaction sur le nouveau quartier'],
      ['commerces', 'Commerces et services'],
      ['transports', 'Transports'],
      ['ecoles', 'Écoles et modes de garde'],
      ['voisinage', 'Voisinage et tranquillité'],
    ],
  },
];
const INTEGRATION: Option[] = INTEGRATIONS.map((i) => ({ valeur: i, libelle: { oui: 'Oui', en_partie: 'En partie', non: 'Non' }[i] }));

export function FormulaireEnquete({ enquete, dateRelogement }: { enquete: EnqueteSatisfaction; dateRelogement: string | null }) {
  const db = useBase();
  const erreurs = verifierEnquete(enquete, { dateRelogement, aujourdhui: aujourdhui() });
  const maj = (f: (e: EnqueteSatisfaction) => EnqueteSatisfaction) => modifierEnquete(db, enquete.id, f);
  const repondre = (partie: Partie, modif: Record<string, unknown>) => maj((e) => ({ ...e, [partie]: { ...e[partie], ...modif } }));
  return (
    <form class="compte-rendu" onSubmit={(e) => e.preventDefault()} aria-label="Enquête de satisfaction">
      <fieldset class="fiche">
        <legend>Rendez-vous</legend>
        <ChampsRendezVous
          id="enquete"
          rdv={enquete}
          erreurs={erreurs}
          quand="Jour de l’enquête (réalisée ou tentée)"
          enregistrer={(m) => maj((e) => ({ ...e, ...m }))}
        />
      </fieldset>
      {QUESTIONS.map(({ partie, titre, questions }) => (
        <fieldset class="fiche" key={partie}>
          <legend>{titre}</legend>
          {questions.map(([cle, libelle]) => (
            <ChampNote
              key={cle}
              id={`enquete-${partie}-${cle}`}
              libelle={libelle}
              valeur={(enquete[partie] as unknown as Record<string, number | null>)[cle] ?? null}
              enregistrer={(n) => repondre(partie, { [cle]: n })}
            />
          ))}
          {partie === 'quartier' && (
            <ChampChoix
              id="enquete-integration"
              libelle="Se sent intégré dans le quartier"
              options={INTEGRATION}
              valeur={enquete.quartier.integration ?? ''}
              enregistrer={(v) => repondre('quartier', { integration: v })}
            />
          )}
          <ChampSaisie
            id={`enquete-${partie}-commentaire`}
            libelle="Commentaire"
            genre="multiligne"
            valeur={enquete[partie].commentaire}
            enregistrer={(v) => repondre(partie, { commentaire: v })}
          />
        </fieldset>
      ))}
      <ChampSaisie
        id="enquete-commentaire"
        libelle="Commentaire général du ménage"
        genre="multiligne"
        valeur={enquete.commentaire}
        enregistrer={(v) => maj((e) => ({ ...e, commentaire: v }))}
      />
    </form>
  );
}

export default function EnqueteScreen({ id }: { id: string }) {
  const db = useBase();
  const donnees = useLive(async () => {
    const enquete = await lireEnquete(db, id);
    return { enquete, menage: enquete ? await lireMenage(db, enquete.menageId) : undefined };
  }, [db, id]);
  if (!donnees) return <EnChargement titre={ECRANS.enquete.titre} />;
  const { enquete, menage } = donnees;
  if (!enquete || enquete.supprime || !menage)
    return (
      <p class="erreur">
        Cette enquête n’existe pas sur cette tablette. <a href={lien.agenda()}>Retour à l’agenda</a>
      </p>
    );
  return (
    <div class="ecran-suivi">
      <p class="retour">
        <a href={lien.menage(menage.id)}>← {menage.nom || 'Ménage sans nom'}</a> · <a href={lien.agenda()}>À faire</a>
      </p>
      <h1>{ECRANS.enquete.titre}</h1>
      <FormulaireEnquete enquete={enquete} dateRelogement={menage.dateRelogement ?? null} />
    </div>
  );
}
