import { differenceInYears } from 'date-fns';
import {
  ANS_SANS_PROPOSITION,
  LIBELLES_ACTIVITE,
  LIBELLES_ALERTE_SIMULATION,
  LIBELLES_AUTEUR_REFUS,
  LIBELLES_CIRCUIT,
  LIBELLES_ETAT_OCCUPATION,
  LIBELLES_ETAT_PROPOSITION,
  LIBELLES_LIEN,
  LIBELLES_MOTIF_REFUS,
  MOTIFS_REFUS,
  QUESTIONS,
  compositionDe,
  dernierMenageDeLaResidence,
  echeanceReponse,
  estOpposable,
  etatProposition,
  formatEuros,
  formatEvolutionEuros,
  formatResteAVivre,
  formatTaux,
  presentationMenage,
  quartileRessources,
  refusDe,
  ressourcesMensuelles,
  sansPropositionDepuis,
  situationPropositions,
  versDate,
  type Destinataire,
  type Offre,
  type Proposition,
  type ResultatSimulation,
} from '../../domain/index.ts';
import { noterAcces } from '../../data/index.ts';
import type { DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { lien } from '../app/route.ts';
import { regleDelaiReponse } from './CarteProposition.tsx';
import { le, libelleOffre, lireInstantane } from './format.ts';

// The papers of the proposals (docs/domaine.md §7, charte §4 steps 9 and 11), one A4 page each when
// printed: the CALEOL sheet, the side-by-side comparison, the proposal letter with its answer
// slip, the post-mediation letter. Blanks are left for what the app does not record.

export const PAPIERS = {
  caleol: 'Fiche CALEOL',
  comparaison: 'Comparaison des propositions',
  courrier: 'Courrier de proposition',
  mediation: 'Courrier post-médiation',
} as const;
export type Papier = keyof typeof PAPIERS;
export const estPapier = (x: string | null): x is Papier => x !== null && Object.hasOwn(PAPIERS, x);

type Props = { dossier: DossierPropositions; cible: string | null };

/** Typed as text but read as a list of places, for the matching: the anonymous pooled sheet shows it too. */
const LISTES_SAISIES = new Set(['souhaits.communes']);

/** An answer as the partners may read it: free text is left out of an anonymous paper (charte §4 step 4). */
const texteReponse = (d: DossierPropositions, cle: string): string => {
  const r = d.reponses[cle];
  if (!r || r.nsp) return '';
  const q = QUESTIONS.get(cle);
  if (q?.type === 'texte' && !LISTES_SAISIES.has(cle) && !Array.isArray(r.valeur))
    return presentationMenage(d.menage, 'partenaires').texteLibre(r.valeur);
  const libelle = (v: string) => (q && 'options' in q ? (q.options.find((o) => o.valeur === v)?.libelle ?? v) : v);
  return Array.isArray(r.valeur) ? r.valeur.map(libelle).join(', ') : libelle(r.valeur);
};
const age = (naissance: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(naissance) ? `${differenceInYears(versDate(aujourdhui()), versDate(naissance))} ans` : 'âge inconnu';
const blanc = '…………………………';
/** What the app could fill but lacks: the sheet says where it comes from rather than leaving a blank. */
const aRenseigner = (source: string): string => `à renseigner (${source})`;

/** Headed with the signed-in user's organisation (signed out, the activity's name); anonymous to partners after a signed refusal. */
function Entete({
  dossier,
  titre,
  destinataire = 'partenaires',
}: {
  dossier: DossierPropositions;
  titre: string;
  destinataire?: Destinataire;
}) {
  const m = presentationMenage(dossier.menage, destinataire);
  return (
    <header class="papier-entete">
      <p>{[dossier.organisation ?? 'Relogement', dossier.territoire.territoire, le(aujourdhui())].filter(Boolean).join(' · ')}</p>
      <h1>{titre}</h1>
      <p>
        <strong>{m.nom}</strong>
        {m.reference ? ` · réf. ${m.reference}` : ''} · {m.adresse}
      </p>
    </header>
  );
}

const propositionCible = (d: DossierPropositions, id: string | null): Proposition | undefined =>
  d.propositions.find((p) => p.id === id) ?? d.propositions.at(-1);
const offreDe = (d: DossierPropositions, p: Proposition | undefined): Offre | undefined => d.offres.find((o) => o.id === p?.offreId);

function FicheCaleol({ dossier: d, cible }: Props) {
  const p = propositionCible(d, cible);
  const { nomOccupant, anonyme } = presentationMenage(d.menage, 'partenaires');
  const ressources = ressourcesMensuelles(
    d.reponses,
    d.occupants.map((x) => x.id),
  );
  const s = situationPropositions(d.propositions, d.territoire.propositions);
  const besoins = [
    ...d.occupants.filter((x) => x.handicap).map((x) => `${nomOccupant(x)} : handicap ou mobilité réduite`),
    ...d.occupants
      .filter((x) => /^\d{4}/.test(x.dateNaissance) && differenceInYears(versDate(aujourdhui()), versDate(x.dateNaissance)) >= 65)
      .map((x) => `${nomOccupant(x)} : ${age(x.dateNaissance)} (vieillissement)`),
    texteReponse(d, 'souhaits.logementAdapte') === 'Oui'
      ? `Logement adapté nécessaire${texteReponse(d, 'souhaits.precisionsAdaptation') ? ` : ${texteReponse(d, 'souhaits.precisionsAdaptation')}` : ''}`
      : '',
    texteReponse(d, 'souhaits.ascenseurIndispensable') === 'Oui' ? 'Ascenseur indispensable' : '',
  ].filter(Boolean);
  const complements = [
    d.orientations.at(-1) ? `Orientation : ${LIBELLES_CIRCUIT[d.orientations.at(-1)!.circuit]}` : '',
    texteReponse(d, 'accompagnement.travailleurSocial') === 'Oui' ? 'Suivi par un travailleur social' : '',
    texteReponse(d, 'accompagnement.freins') ? `Freins au relogement : ${texteReponse(d, 'accompagnement.freins')}` : '',
    `Propositions déjà faites au ménage : ${s.comptees.filter((x) => x.id !== p?.id).length}, dont ${s.refusMenage.length} refusée(s) par le ménage`,
    dernierMenageDeLaResidence(d.menage, d.menagesDeLaResidence) ? 'Dernier ménage de sa résidence à reloger' : '',
    d.residence && sansPropositionDepuis(d.propositions, d.residence.dateOuverture, aujourdhui())
      ? `Relogement annoncé il y a plus de ${ANS_SANS_PROPOSITION} ans (ouverture de la résidence le ${le(d.residence.dateOuverture)}), aucune proposition encore faite`
      : '',
    d.origine
      ? anonyme
        ? 'Décohabitation d’un autre ménage'
        : `Décohabitation du ménage ${presentationMenage(d.origine, 'partenaires').nom}`
      : '',
    p && estOpposable(p, d.territoire.propositions) ? 'Proposition opposable, après médiation' : '',
  ].filter(Boolean);
  const simulation = lireInstantane(p?.simulation);
  const composition = compositionDe(d.occupants);
  const seuils = d.territoire.simulation.seuilsQuartiles;
  const quartile =
    ressources !== null && composition && seuils
      ? `${quartileRessources(ressources, composition, aujourdhui(), seuils)}e quartile`
      : aRenseigner(seuils ? 'ressources et composition du ménage' : 'limites des quartiles dans Paramètres');
  return (
    <>
      <Entete dossier={d} titre="Fiche de présentation en CALEOL" />
      <table class="papier-tableau">
        <tbody>
          <tr>
            <th scope="row">Logement proposé</th>
            <td>{p ? `Proposition n° ${p.rang} du ${le(p.proposeeLe)} : ${libelleOffre(offreDe(d, p))}` : 'Aucune proposition'}</td>
          </tr>
          <tr>
            <th scope="row">Ressources mensuelles</th>
            <td>
              {ressources === null ? 'Non renseignées' : `${formatEuros(ressources)} (moyenne des 3 derniers mois)`} · Quartile de
              ressources : {quartile}
            </td>
          </tr>
          <tr>
            <th scope="row">Date de la demande de logement social</th>
            <td>
              {d.dateDemande ? le(d.dateDemande) : aRenseigner('date de l’attestation d’enregistrement, au dossier')} · N° unique :{' '}
              {d.numeroDemande ?? aRenseigner('numéro de l’attestation d’enregistrement, au dossier')}
            </td>
          </tr>
          <tr>
            <th scope="row">Typologie souhaitée</th>
            <td>
              {texteReponse(d, 'souhaits.typologie') || 'Non renseignée'}
              {texteReponse(d, 'souhaits.communes') ? ` · Communes : ${texteReponse(d, 'souhaits.communes')}` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Besoins spécifiques</th>
            <td>{besoins.length ? besoins.join(' ; ') : 'Aucun besoin spécifique signalé'}</td>
          </tr>
          <tr>
            <th scope="row">Informations complémentaires</th>
            <td>{complements.join(' ; ')}</td>
          </tr>
          {simulation && (
            <tr>
              <th scope="row">Après relogement</th>
              <td>
                Reste à charge {formatEuros(simulation.resultat.apres.resteACharge)} · taux d’effort{' '}
                {formatTaux(simulation.resultat.apres.tauxEffort)} · reste à vivre{' '}
                {formatResteAVivre(simulation.resultat.apres.resteAVivre)}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <h2>
        Composition du ménage ({d.occupants.length} personne{d.occupants.length > 1 ? 's' : ''})
      </h2>
      <table class="papier-tableau">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Lien</th>
            <th scope="col">Âge</th>
            <th scope="col">Activité</th>
          </tr>
        </thead>
        <tbody>
          {d.occupants.map((x) => (
            <tr key={x.id}>
              <td>{nomOccupant(x)}</td>
              <td>{LIBELLES_LIEN[x.lien]}</td>
              <td>{age(x.dateNaissance)}</td>
              <td>{x.activite ? LIBELLES_ACTIVITE[x.activite] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="papier-pied">
        Décision de la CALEOL : ☐ attribution ☐ refus — motif : {blanc}
        {blanc}
      </p>
    </>
  );
}

function pourquoi(r: ResultatSimulation | undefined): { convient: string[]; attention: string[] } {
  if (!r) return { convient: [], attention: ['Pas de simulation jointe à la proposition'] };
  const convient = [
    r.evolution.resteAVivre >= 0
      ? `Reste à vivre en hausse (${formatEvolutionEuros(r.evolution.resteAVivre)} par jour et par personne)`
      : '',
    r.occupation.apres.etat === 'adapte' ? 'Taille adaptée au ménage' : '',
    r.orientation.criteresFinanciers ? 'Critères financiers de la grille remplis' : '',
  ].filter(Boolean);
  return { convient, attention: r.alertes.map((a) => LIBELLES_ALERTE_SIMULATION[a]) };
}

function Comparaison({ dossier: d }: Props) {
  const liste = situationPropositions(d.propositions, d.territoire.propositions).comptees.slice(
    0,
    d.territoire.propositions.maxPropositions,
  );
  const sims = liste.map((p) => lireInstantane(p.simulation)?.resultat);
  const ligne = (titre: string, f: (p: Proposition, r: ResultatSimulation | undefined) => string) => (
    <tr>
      <th scope="row">{titre}</th>
      {liste.map((p, i) => (
        <td key={p.id}>{f(p, sims[i])}</td>
      ))}
    </tr>
  );
  const avantApres = (r: ResultatSimulation | undefined, f: (s: ResultatSimulation['avant']) => string) =>
    r ? `${f(r.avant)} → ${f(r.apres)}` : '—';
  return (
    <>
      <Entete dossier={d} titre="Comparaison des propositions" />
      {liste.length === 0 ? (
        <p>Aucune proposition n’a encore été faite au ménage.</p>
      ) : (
        <table class="papier-tableau comparaison">
          <thead>
            <tr>
              <th scope="col">Avant → après</th>
              {liste.map((p) => (
                <th scope="col" key={p.id}>
                  Proposition n° {p.rang}
                  {estOpposable(p, d.territoire.propositions) ? ' (opposable)' : ''}
                  <br />
                  du {le(p.proposeeLe)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ligne('Logement', (p) => libelleOffre(offreDe(d, p)))}
            {ligne('Loyer + charges', (p) => {
              const o = offreDe(d, p);
              return o?.loyer != null ? `${formatEuros(o.loyer)} + ${formatEuros(o.charges ?? 0)}` : '—';
            })}
            {ligne('Reste à charge', (_, r) => avantApres(r, (s) => formatEuros(s.resteACharge)))}
            {ligne('Taux d’effort', (_, r) => avantApres(r, (s) => formatTaux(s.tauxEffort)))}
            {ligne('Reste à vivre (par jour et par personne)', (_, r) => avantApres(r, (s) => formatEuros(s.resteAVivre)))}
            {ligne('Occupation', (_, r) =>
              r ? `${LIBELLES_ETAT_OCCUPATION[r.occupation.avant.etat]} → ${LIBELLES_ETAT_OCCUPATION[r.occupation.apres.etat]}` : '—',
            )}
            {ligne('Ce qui convient', (_, r) => pourquoi(r).convient.join(' ; ') || '—')}
            {ligne('Points d’attention', (_, r) => pourquoi(r).attention.join(' ; ') || 'Aucun')}
            {ligne('Issue', (p) => {
              const refus = refusDe(p, presentationMenage(d.menage, 'partenaires').texteLibre);
              return refus
                ? `${LIBELLES_AUTEUR_REFUS[refus.par]} le ${le(refus.date)} : ${refus.motif}`
                : LIBELLES_ETAT_PROPOSITION[etatProposition(p)];
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function CourrierProposition({ dossier: d, cible }: Props) {
  const p = propositionCible(d, cible);
  if (!p) return <p>Aucune proposition.</p>;
  const r = d.territoire.propositions;
  const opposable = estOpposable(p, r);
  const echeance = echeanceReponse(p, r);
  const offre = offreDe(d, p);
  return (
    <>
      <Entete
        dossier={d}
        titre={`Proposition de relogement n° ${p.rang}${opposable ? ' — proposition opposable' : ''}`}
        destinataire="menage"
      />
      <p>Madame, Monsieur,</p>
      <p>
        Dans le cadre du projet de renouvellement urbain, nous vous proposons le logement suivant : <strong>{libelleOffre(offre)}</strong>
        {offre?.loyer != null ? `, loyer ${formatEuros(offre.loyer)} et charges ${formatEuros(offre.charges ?? 0)} par mois` : ''}.
      </p>
      <p>
        {p.visite
          ? `La visite du logement ${p.visite.date >= aujourdhui() ? 'aura lieu' : 'a eu lieu'} le ${le(p.visite.date)}${p.visite.heure ? ` à ${p.visite.heure.replace(':', ' h ')}` : ''}, en présence de votre chargé de relogement.`
          : 'La date de la visite du logement vous sera communiquée par votre chargé de relogement.'}
      </p>
      <p>
        {echeance
          ? `Vous avez jusqu’au ${le(echeance)} inclus pour nous faire connaître votre réponse.`
          : 'Vous disposerez de 10 jours après la visite pour nous faire connaître votre réponse.'}{' '}
        {regleDelaiReponse(r)}
      </p>
      {opposable && (
        <p>
          <strong>
            Cette proposition est la troisième et dernière proposition prévue par l’article L353-15 du code de la construction et de
            l’habitation ; elle fait suite à la médiation. En cas de refus, le bailleur n’est plus tenu de vous faire d’autre proposition.
          </strong>
        </p>
      )}
      <p>Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.</p>
      <div class="coupon">
        <p class="coupon-titre">
          ✂ Coupon-réponse — proposition n° {p.rang}
          {opposable ? ' (opposable)' : ''}, à retourner avant le {echeance ? le(echeance) : blanc}
        </p>
        <p>
          Je soussigné(e) {blanc}
          {blanc}, ménage {d.menage.nom} :
        </p>
        <p>☐ accepte le logement proposé &nbsp;&nbsp; ☐ refuse le logement proposé, pour le motif suivant :</p>
        <ul class="motifs-coupon">
          {MOTIFS_REFUS.map((m) => (
            <li key={m}>☐ {LIBELLES_MOTIF_REFUS[m]}</li>
          ))}
        </ul>
        <p>
          Précisions : {blanc}
          {blanc}
          {blanc}
        </p>
        <p>
          Fait à {blanc}, le {blanc} &nbsp;&nbsp; Signature :
        </p>
      </div>
    </>
  );
}

function CourrierMediation({ dossier: d, cible }: Props) {
  const m = d.mediations.find((x) => x.id === cible) ?? d.mediations.at(-1);
  if (!m) return <p>Aucune médiation enregistrée.</p>;
  const refus = situationPropositions(d.propositions, d.territoire.propositions).refusMenage;
  return (
    <>
      <Entete dossier={d} titre="Courrier post-médiation" destinataire="menage" />
      <p>Madame, Monsieur,</p>
      <p>
        Vous avez refusé {refus.length} proposition{refus.length > 1 ? 's' : ''} de relogement (
        {refus.map((p) => `n° ${p.rang}${p.reponse ? ` le ${le(p.reponse.date)}` : ''}`).join(', ')}). Une médiation s’est tenue le{' '}
        {le(m.date)} en présence de : {m.presents.filter((x) => x.trim()).join(', ') || blanc}.
      </p>
      <p>Au cours de cette médiation, le logement recherché pour votre troisième proposition a été défini ainsi :</p>
      <blockquote class="produit">{m.produitDefini || blanc}</blockquote>
      <p>
        <strong>
          La prochaine proposition qui vous sera faite correspondra à ce produit. Elle sera la troisième et dernière proposition prévue par
          l’article L353-15 du code de la construction et de l’habitation : elle sera opposable.
        </strong>
      </p>
      <p>Votre chargé de relogement reste à votre disposition pour toute question.</p>
      <p>Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.</p>
    </>
  );
}

const CONTENUS: Record<Papier, (p: Props) => preact.JSX.Element> = {
  caleol: FicheCaleol,
  comparaison: Comparaison,
  courrier: CourrierProposition,
  mediation: CourrierMediation,
};

export function PapierScreen({ dossier, papier, cible }: Props & { papier: Papier }) {
  const Contenu = CONTENUS[papier];
  const db = useBase();
  return (
    <div>
      <p class="actions">
        <a class="bouton" href={lien.propositions(dossier.menage.id)}>
          ← Retour aux propositions
        </a>
        <button
          type="button"
          class="bouton principal"
          onClick={() => {
            window.print();
            void noterAcces(db, dossier.menage.id, 'impression');
          }}
        >
          Imprimer
        </button>
      </p>
      <article class={`papier papier-${papier}`} aria-label={PAPIERS[papier]}>
        <Contenu dossier={dossier} cible={cible} />
      </article>
    </div>
  );
}
