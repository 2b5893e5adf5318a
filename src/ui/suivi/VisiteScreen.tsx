import {
  BESOINS,
  ETATS,
  EQUIPEMENTS,
  LIBELLES_BESOIN,
  TAILLES,
  formatEuros,
  formatEvolutionEuros,
  formatEvolutionPoints,
  formatResteAVivre,
  formatTaux,
  parseDateIso,
  verifierVisite,
  vigilanceVisite,
} from '../../domain/index.ts';
import type { Chiffres, GrilleVisite, Option, VisiteCourtoisie } from '../../domain/index.ts';
import { enregistrerMontant, lireMenage, lireParametres, lireVisite, modifierVisite, visiteAvecBudgetAJour } from '../../data/index.ts';
import type { MontantBudget } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampChoix, ChampMulti, ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { dateLongue } from '../commun/dates.ts';
import { ChampNote, ChampsRendezVous, lireMontant, siValide, verifierJour, verifierMontant } from './champs-suivi.tsx';
import { AlerteVigilance } from './Vigilance.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

const options = <T extends string>(valeurs: readonly T[], libelles: Record<T, string>): Option[] =>
  valeurs.map((v) => ({ valeur: v, libelle: libelles[v] }));
const TAILLE: Record<(typeof TAILLES)[number], string> = { adaptee: 'Adaptée', trop_petit: 'Trop petit', trop_grand: 'Trop grand' };
const ETAT: Record<(typeof ETATS)[number], string> = { bon: 'Bon', correct: 'Correct', degrade: 'Dégradé' };
const EQUIPEMENT: Record<(typeof EQUIPEMENTS)[number], string> = {
  complets: 'Complets',
  a_completer: 'À compléter',
  defaillants: 'Défaillants',
};
const OUI_NON: Option[] = [
  { valeur: 'oui', libelle: 'Oui' },
  { valeur: 'non', libelle: 'Non' },
];

const texteMontant = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

type Section = Exclude<keyof GrilleVisite, 'budget'>;

function Budget({ visite }: { visite: VisiteCourtoisie }) {
  const db = useBase();
  const { budget } = visite.grille;
  const montant = (champ: MontantBudget, libelle: string) => (
    <ChampSaisie
      id={`visite-${champ}`}
      libelle={libelle}
      genre="nombre"
      valeur={texteMontant(budget[champ])}
      verifier={verifierMontant}
      enregistrer={siValide(lireMontant, (n) => enregistrerMontant(db, visite.id, champ, n, aujourdhui()))}
    />
  );
  const ligne = (libelle: string, valeur: (c: Chiffres) => string, evolution: (a: Chiffres, b: Chiffres) => string) => (
    <tr>
      <th scope="row">{libelle}</th>
      <td>{budget.avant ? valeur(budget.avant) : 'inconnu'}</td>
      <td>{budget.apres ? valeur(budget.apres) : '—'}</td>
      <td>{budget.avant && budget.apres ? evolution(budget.avant, budget.apres) : '—'}</td>
    </tr>
  );
  return (
    <fieldset class="fiche">
      <legend>Budget</legend>
      <div class="grille-champs">
        {montant('nouveauLoyer', 'Nouveau loyer mensuel hors charges (€)')}
        {montant('charges', 'Charges mensuelles (€)')}
        {montant('apl', 'APL mensuelle (€)')}
        {montant('ressources', 'Ressources mensuelles du ménage (€)')}
      </div>
      {budget.apres === null && (
        <p class="aide">
          Renseignez le loyer, l’APL et les ressources : le reste à charge, le taux d’effort et le reste à vivre sont alors recalculés.
        </p>
      )}
      <div class="defilement">
        <table class="tableau-ressources tableau-budget">
          <caption>Avant et après le relogement</caption>
          <thead>
            <tr>
              <th scope="col">Chiffre</th>
              <th scope="col">Avant</th>
              <th scope="col">Après</th>
              <th scope="col">Évolution</th>
            </tr>
          </thead>
          <tbody>
            {ligne(
              'Reste à charge',
              (c) => formatEuros(c.resteACharge),
              (a, b) => formatEvolutionEuros(b.resteACharge - a.resteACharge),
            )}
            {ligne(
              'Taux d’effort',
              (c) => formatTaux(c.tauxEffort),
              (a, b) => formatEvolutionPoints(a.tauxEffort === null || b.tauxEffort === null ? null : b.tauxEffort - a.tauxEffort),
            )}
            {ligne(
              'Reste à vivre',
              (c) => formatResteAVivre(c.resteAVivre),
              (a, b) => formatEvolutionEuros(b.resteAVivre - a.resteAVivre),
            )}
          </tbody>
        </table>
      </div>
      {budget.avant === null && (
        <p class="aide">Les chiffres d’avant viennent de la dernière simulation enregistrée du ménage : il n’y en a pas.</p>
      )}
    </fieldset>
  );
}

function Orientations({ visite, maj }: { visite: VisiteCourtoisie; maj: (f: (g: GrilleVisite) => GrilleVisite) => Promise<unknown> }) {
  const liste = visite.grille.accompagnement.orientations;
  const changer = (i: number, modif: Partial<(typeof liste)[number]>) =>
    maj((g) => ({
      ...g,
      accompagnement: {
        ...g.accompagnement,
        orientations: g.accompagnement.orientations.map((o, j) => (j === i ? { ...o, ...modif } : o)),
      },
    }));
  const retirer = (i: number) =>
    maj((g) => ({ ...g, accompagnement: { ...g.accompagnement, orientations: g.accompagnement.orientations.filter((_, j) => j !== i) } }));
  const ajouter = () =>
    maj((g) => ({
      ...g,
      accompagnement: {
        ...g.accompagnement,
        orientations: [...g.accompagnement.orientations, { partenaire: 'Partenaire à préciser', objet: '', le: null }],
      },
    }));
  return (
    <div>
      <h2 class="sous-titre">Orientations vers des partenaires</h2>
      {liste.map((o, i) => (
        <div class="grille-champs" key={i}>
          <ChampSaisie
            id={`orientation-${i}-partenaire`}
            libelle={`Partenaire ${i + 1}`}
            valeur={o.partenaire}
            verifier={(v) => (v.trim() ? { ok: true } : { ok: false, message: 'Indiquez le partenaire vers qui le ménage est orienté.' })}
            enregistrer={async (v) => (v.trim() ? changer(i, { partenaire: v }) : undefined)}
          />
          <ChampSaisie id={`orientation-${i}-objet`} libelle="Objet" valeur={o.objet} enregistrer={(v) => changer(i, { objet: v })} />
          <ChampSaisie
            id={`orientation-${i}-le`}
            libelle="Le"
            genre="date"
            valeur={o.le ?? ''}
            verifier={verifierJour}
            enregistrer={siValide(parseDateIso, (d) => changer(i, { le: d }))}
          />
          <button type="button" class="bouton discret" onClick={() => void retirer(i)}>
            Retirer cette orientation
          </button>
        </div>
      ))}
      <button type="button" class="bouton" onClick={() => void ajouter()}>
        Ajouter une orientation
      </button>
    </div>
  );
}

/** The report of one courtesy visit (charte §4 step 13): appointment, outcome and the structured grid. */
export function CompteRenduVisite({
  visite,
  dateRelogement,
  vigilance,
}: {
  visite: VisiteCourtoisie;
  dateRelogement: string | null;
  vigilance: Parameters<typeof vigilanceVisite>[1];
}) {
  const db = useBase();
  const erreurs = verifierVisite(visite, { dateRelogement, aujourdhui: aujourdhui() });
  const maj = (f: (g: GrilleVisite) => GrilleVisite) => modifierVisite(db, visite.id, (v) => ({ ...v, grille: f(v.grille) }));
  const section = <S extends Section>(s: S, modif: Partial<GrilleVisite[S]>) => maj((g) => ({ ...g, [s]: { ...g[s], ...modif } }));
  const { adaptation, installation, accompagnement, prochaineEtape } = visite.grille;
  const id = 'visite';
  return (
    <form
      class="compte-rendu"
      onSubmit={(e) => e.preventDefault()}
      aria-label={`Compte rendu de la visite de courtoisie n° ${visite.numero}`}
    >
      <AlerteVigilance codes={vigilanceVisite(visite, vigilance)} />
      <fieldset class="fiche">
        <legend>Rendez-vous</legend>
        <ChampsRendezVous
          id={id}
          rdv={visite}
          erreurs={erreurs}
          quand="Jour de la visite (réalisée ou tentée)"
          enregistrer={(m) => modifierVisite(db, visite.id, (v) => ({ ...v, ...m }))}
        />
        <ChampSaisie
          id={`${id}-accompagnant`}
          libelle="Agent du bailleur présent"
          valeur={visite.accompagnant}
          enregistrer={(v) => modifierVisite(db, visite.id, (x) => ({ ...x, accompagnant: v }))}
        />
      </fieldset>
      <fieldset class="fiche">
        <legend>Adaptation du logement</legend>
        <ChampChoix
          id={`${id}-taille`}
          libelle="Taille"
          options={options(TAILLES, TAILLE)}
          valeur={adaptation.taille ?? ''}
          enregistrer={(v) => section('adaptation', { taille: v as (typeof TAILLES)[number] })}
        />
        <ChampChoix
          id={`${id}-etat`}
          libelle="État"
          options={options(ETATS, ETAT)}
          valeur={adaptation.etat ?? ''}
          enregistrer={(v) => section('adaptation', { etat: v as (typeof ETATS)[number] })}
        />
        <ChampChoix
          id={`${id}-equipements`}
          libelle="Équipements"
          options={options(EQUIPEMENTS, EQUIPEMENT)}
          valeur={adaptation.equipements ?? ''}
          enregistrer={(v) => section('adaptation', { equipements: v as (typeof EQUIPEMENTS)[number] })}
        />
        <ChampChoix
          id={`${id}-travaux-demandes`}
          libelle="Travaux demandés"
          options={OUI_NON}
          valeur={adaptation.travauxDemandes === null ? '' : adaptation.travauxDemandes ? 'oui' : 'non'}
          enregistrer={(v) => section('adaptation', { travauxDemandes: v === 'oui' })}
        />
        {adaptation.travauxDemandes && (
          <ChampSaisie
            id={`${id}-travaux`}
            libelle="Travaux demandés (détail)"
            genre="multiligne"
            valeur={adaptation.travaux}
            enregistrer={(v) => section('adaptation', { travaux: v })}
          />
        )}
        <ChampSaisie
          id={`${id}-adaptation-commentaire`}
          libelle="Commentaire sur le logement"
          genre="multiligne"
          valeur={adaptation.commentaire}
          enregistrer={(v) => section('adaptation', { commentaire: v })}
        />
      </fieldset>
      <fieldset class="fiche">
        <legend>Installation</legend>
        <ChampNote
          id={`${id}-quartier`}
          libelle="Intégration dans le quartier"
          valeur={installation.quartier}
          enregistrer={(n) => section('installation', { quartier: n as 1 })}
        />
        <ChampNote
          id={`${id}-services`}
          libelle="Accès aux services et commerces"
          valeur={installation.services}
          enregistrer={(n) => section('installation', { services: n as 1 })}
        />
        <ChampNote
          id={`${id}-ecoles`}
          libelle="Écoles et modes de garde"
          valeur={installation.ecoles}
          enregistrer={(n) => section('installation', { ecoles: n as 1 })}
        />
        <ChampNote
          id={`${id}-transports`}
          libelle="Transports"
          valeur={installation.transports}
          enregistrer={(n) => section('installation', { transports: n as 1 })}
        />
        <ChampSaisie
          id={`${id}-installation-commentaire`}
          libelle="Commentaire sur l’installation"
          genre="multiligne"
          valeur={installation.commentaire}
          enregistrer={(v) => section('installation', { commentaire: v })}
        />
      </fieldset>
      <Budget visite={visite} />
      <fieldset class="fiche">
        <legend>Accompagnement</legend>
        <ChampMulti
          id={`${id}-besoins`}
          libelle="Besoins d’accompagnement"
          options={options(BESOINS, LIBELLES_BESOIN)}
          valeur={accompagnement.besoins}
          enregistrer={(v) => section('accompagnement', { besoins: v as (typeof BESOINS)[number][] })}
        />
        <Orientations visite={visite} maj={maj} />
        <ChampSaisie
          id={`${id}-accompagnement-commentaire`}
          libelle="Commentaire sur l’accompagnement"
          genre="multiligne"
          valeur={accompagnement.commentaire}
          enregistrer={(v) => section('accompagnement', { commentaire: v })}
        />
      </fieldset>
      <fieldset class="fiche">
        <legend>Prochaine étape</legend>
        <ChampSaisie
          id={`${id}-prochaine-action`}
          libelle="Action prévue"
          genre="multiligne"
          valeur={prochaineEtape.action}
          enregistrer={(v) => section('prochaineEtape', { action: v })}
        />
        <ChampSaisie
          id={`${id}-prochaine-date`}
          libelle="Pour le"
          genre="date"
          valeur={prochaineEtape.date ?? ''}
          verifier={verifierJour}
          enregistrer={siValide(parseDateIso, (d) => section('prochaineEtape', { date: d }))}
        />
      </fieldset>
    </form>
  );
}

export default function VisiteScreen({ id }: { id: string }) {
  const db = useBase();
  const donnees = useLive(async () => {
    const lue = await lireVisite(db, id);
    const [visite, menage, parametres] = await Promise.all([
      lue && visiteAvecBudgetAJour(db, lue, aujourdhui()),
      lue ? lireMenage(db, lue.menageId) : undefined,
      lireParametres(db),
    ]);
    return { visite, menage, parametres };
  }, [db, id]);
  if (!donnees) return <EnChargement titre={ECRANS.visite.titre}>Chargement de la visite…</EnChargement>;
  const { visite, menage, parametres } = donnees;
  if (!visite || visite.supprime || !menage)
    return (
      <p class="erreur">
        Cette visite n’existe pas sur cette tablette. <a href={lien.agenda()}>Retour à l’agenda</a>
      </p>
    );
  return (
    <div class="ecran-suivi">
      <p class="retour">
        <a href={lien.menage(menage.id)}>← {menage.nom || 'Ménage sans nom'}</a> · <a href={lien.agenda()}>À faire</a>
      </p>
      <h1>
        {ECRANS.visite.titre} n° {visite.numero}
      </h1>
      <p class="aide">
        {menage.dateRelogement ? `Relogé le ${dateLongue(menage.dateRelogement)} (signature du bail).` : 'Relogement non enregistré.'}
      </p>
      <CompteRenduVisite visite={visite} dateRelogement={menage.dateRelogement ?? null} vigilance={parametres.vigilance} />
    </div>
  );
}
