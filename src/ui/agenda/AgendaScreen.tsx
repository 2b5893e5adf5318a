import { useState } from 'preact/hooks';
import { CLASSES_AGENDA, LIBELLES_NATURE_EVENEMENT, grouperParJour, grouperParSemaine, libelleClasse } from '../../domain/index.ts';
import type { ClasseAgenda, ErreurChamp, EvenementAgenda } from '../../domain/index.ts';
import {
  agendaDesMenages,
  estPlanifiable,
  modifierMenage,
  numeroVisite,
  ouvrirEnquete,
  ouvrirEntretien,
  ouvrirVisite,
  planifier,
} from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { dateLongue } from '../commun/dates.ts';
import { fichierIcs, telecharger, type Designation } from './telecharger.ts';
import { EnChargement } from '../commun/EnChargement.tsx';

// "À faire": what is late, due this week, in the next days and later, across the caseload.

type Vue = 'jour' | 'semaine';
const nombre = new Intl.NumberFormat('fr-FR');
/** Beyond this a column is cut short: a tablet lists a few hundred items comfortably, not 15,000. */
const AFFICHES = 200;
const heureLisible = (h: string) => h.replace(':', ' h ');

function Planification({ evenement, fermer }: { evenement: EvenementAgenda; fermer: () => void }) {
  const db = useBase();
  const avecHeure = evenement.nature === 'visite_courtoisie' || evenement.nature === 'enquete_satisfaction';
  const brouillon = useBrouillon(
    `planification:${evenement.cle}`,
    { date: evenement.rendezVous?.date ?? evenement.jour, heure: evenement.rendezVous?.heure ?? '' },
    () => evenement.menageId || null,
  );
  const { date, heure } = brouillon.valeurs;
  const [erreurs, setErreurs] = useState<ErreurChamp[]>([]);
  const id = `plan-${evenement.cle.replace(/[^\w-]/g, '-')}`;
  const enregistrer = async (e: Event) => {
    e.preventDefault();
    const locales: ErreurChamp[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) locales.push({ champ: 'datePrevue', message: 'Choisissez la date du rendez-vous.' });
    if (avecHeure && heure !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(heure))
      locales.push({ champ: 'heurePrevue', message: 'Heure attendue au format HH:MM, par exemple 14:30.' });
    if (locales.length > 0 || !estPlanifiable(evenement)) return setErreurs(locales);
    const retour = await planifier(db, evenement, date, avecHeure && heure !== '' ? heure : null, aujourdhui());
    if (retour.length > 0) return setErreurs(retour);
    await brouillon.effacer();
    fermer();
  };
  const erreur = (champ: string) => erreurs.find((x) => x.champ === champ)?.message;
  return (
    <form
      class="planification"
      onSubmit={(e) => void enregistrer(e)}
      noValidate
      aria-label={`Planifier : ${evenement.libelle}, ${evenement.nom}`}
    >
      <div class={`champ${erreur('datePrevue') ? ' en-erreur' : ''}`}>
        <label for={`${id}-date`}>Date du rendez-vous</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onInput={(e) => brouillon.changer('date', e.currentTarget.value)}
          aria-invalid={erreur('datePrevue') ? true : undefined}
          aria-describedby={erreur('datePrevue') ? `${id}-date-erreur` : undefined}
        />
        {erreur('datePrevue') && (
          <p id={`${id}-date-erreur`} class="erreur" role="alert">
            {erreur('datePrevue')}
          </p>
        )}
      </div>
      {avecHeure && (
        <div class={`champ${erreur('heurePrevue') ? ' en-erreur' : ''}`}>
          <label for={`${id}-heure`}>Heure</label>
          <input
            id={`${id}-heure`}
            type="time"
            value={heure}
            onInput={(e) => brouillon.changer('heure', e.currentTarget.value)}
            aria-invalid={erreur('heurePrevue') ? true : undefined}
            aria-describedby={erreur('heurePrevue') ? `${id}-heure-erreur` : undefined}
          />
          {erreur('heurePrevue') && (
            <p id={`${id}-heure-erreur`} class="erreur" role="alert">
              {erreur('heurePrevue')}
            </p>
          )}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="bouton principal">
          Enregistrer le rendez-vous
        </button>
        <button type="button" class="bouton" onClick={() => void brouillon.effacer().then(fermer)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

/** Marking an item done opens where it is recorded: the report, the survey, the interview. */
async function faire(db: ReturnType<typeof useBase>, e: EvenementAgenda): Promise<void> {
  switch (e.nature) {
    case 'visite_courtoisie':
      return naviguer(lien.visite((await ouvrirVisite(db, e.menageId, numeroVisite(e))).id));
    case 'enquete_satisfaction':
      return naviguer(lien.enquete((await ouvrirEnquete(db, e.menageId)).id));
    case 'premier_entretien':
      return naviguer(lien.entretien((await ouvrirEntretien(db, e.menageId, aujourdhui())).id));
    case 'contact':
      await modifierMenage(db, e.menageId, { dernierContact: aujourdhui() });
      return;
    case 'bilan_peuplement':
    case 'reunion_orientation':
      return naviguer(lien.reunions(e.operationId));
    default:
      return naviguer(lien.menage(e.menageId));
  }
}

const LIBELLE_FAIT: Partial<Record<EvenementAgenda['nature'], string>> = {
  visite_courtoisie: 'Marquer faite : compte rendu',
  enquete_satisfaction: 'Marquer faite : saisir l’enquête',
  premier_entretien: 'Faire l’entretien',
  contact: 'Contact fait aujourd’hui',
  bilan_peuplement: 'Ouvrir les réunions',
  reunion_orientation: 'Ouvrir les réunions',
};

function Evenement({
  evenement: e,
  exporter,
}: {
  evenement: EvenementAgenda;
  exporter: (e: readonly EvenementAgenda[], nom: string) => void;
}) {
  const db = useBase();
  const [plan, setPlan] = useState(false);
  const quand = e.rendezVous
    ? `Rendez-vous le ${dateLongue(e.rendezVous.date)}${e.rendezVous.heure ? ` à ${heureLisible(e.rendezVous.heure)}` : ''}${e.echeance ? ` (échéance le ${dateLongue(e.echeance)})` : ''}`
    : e.echeance
      ? `Échéance le ${dateLongue(e.echeance)}`
      : '';
  return (
    <li class={`evenement classe-${e.classe}`}>
      <div class="evenement-texte">
        <span class="carte-titre">{e.libelle}</span>
        {e.operationId ? (
          <a href={lien.reunions(e.operationId)}>{e.nom}</a>
        ) : (
          <a href={lien.menage(e.menageId)}>{e.nom || 'Ménage sans nom'}</a>
        )}
        <span class="carte-detail">
          {LIBELLES_NATURE_EVENEMENT[e.nature]} · {quand}
        </span>
        {e.horsDelai && <span class="badge alerte">Rendez-vous après l’échéance</span>}
      </div>
      <div class="actions">
        <button type="button" class="bouton principal" onClick={() => void faire(db, e)}>
          {LIBELLE_FAIT[e.nature] ?? 'Ouvrir le ménage'}
        </button>
        {estPlanifiable(e) && (
          <button type="button" class="bouton" aria-expanded={plan} onClick={() => setPlan(!plan)}>
            Planifier
          </button>
        )}
        <button type="button" class="bouton discret" onClick={() => exporter([e], `${e.libelle} ${e.nom}`)}>
          Exporter (.ics)
        </button>
      </div>
      {plan && <Planification evenement={e} fermer={() => setPlan(false)} />}
    </li>
  );
}

const nomFichier = (texte: string) =>
  `${
    texte
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'agenda'
  }.ics`;

export default function AgendaScreen() {
  const db = useBase();
  const [vue, setVue] = useState<Vue>('jour');
  const [designation, setDesignation] = useState<Designation>('reference');
  const donnees = useLive(() => agendaDesMenages(db, aujourdhui()), [db]);
  if (!donnees) return <EnChargement titre={ECRANS.agenda.titre} />;
  const { evenements, horizonJours, references } = donnees;
  const exporter = (liste: readonly EvenementAgenda[], nom: string) =>
    telecharger(nomFichier(nom), fichierIcs(liste, designation, references));
  const parClasse = (c: ClasseAgenda) => evenements.filter((e) => e.classe === c);
  const grouper = vue === 'jour' ? grouperParJour : grouperParSemaine;
  return (
    <section aria-labelledby="titre-agenda" class="agenda">
      <div class="titre-ligne">
        <h1 id="titre-agenda">{ECRANS.agenda.titre}</h1>
        <div class="actions">
          <div class="bascule" role="group" aria-label="Affichage">
            <button type="button" class="bouton" aria-pressed={vue === 'jour'} onClick={() => setVue('jour')}>
              Par jour
            </button>
            <button type="button" class="bouton" aria-pressed={vue === 'semaine'} onClick={() => setVue('semaine')}>
              Par semaine
            </button>
          </div>
          <div class="champ">
            <label for="agenda-designation">Dans le calendrier exporté, nommer le ménage par</label>
            <select id="agenda-designation" value={designation} onChange={(e) => setDesignation(e.currentTarget.value as Designation)}>
              <option value="reference">sa référence (à défaut, son nom)</option>
              <option value="nom">son nom</option>
            </select>
          </div>
          <button
            type="button"
            class="bouton principal"
            disabled={evenements.length === 0}
            onClick={() => exporter(evenements, 'relogement-a-faire')}
          >
            Exporter tout le plan (.ics)
          </button>
        </div>
      </div>
      <p class="compteurs" role="status">
        {CLASSES_AGENDA.map((c) => `${libelleClasse(c, horizonJours)} : ${nombre.format(parClasse(c).length)}`).join(' · ')}
      </p>
      {evenements.length === 0 && <p class="vide">Rien à faire pour l’instant.</p>}
      {CLASSES_AGENDA.map((c) => {
        const liste = parClasse(c);
        if (liste.length === 0) return null;
        return (
          <section key={c} aria-labelledby={`agenda-${c}`} class={`panneau agenda-${c}`}>
            <h2 id={`agenda-${c}`}>
              {libelleClasse(c, horizonJours)} ({nombre.format(liste.length)})
            </h2>
            {grouper(liste.slice(0, AFFICHES)).map((g) => (
              <div key={g.cle} class="groupe-agenda">
                <h3>{g.titre}</h3>
                <ul class="liste-agenda">
                  {g.evenements.map((e) => (
                    <Evenement key={e.cle} evenement={e} exporter={exporter} />
                  ))}
                </ul>
              </div>
            ))}
            {liste.length > AFFICHES && (
              <p class="aide">Seuls les {nombre.format(AFFICHES)} premiers sont affichés ; l’export .ics contient tout le plan.</p>
            )}
          </section>
        );
      })}
    </section>
  );
}
