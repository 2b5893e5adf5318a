import { useState } from 'preact/hooks';
import {
  DECISIONS_REUNION,
  LIBELLES_CIRCUIT,
  LIBELLES_DECISION_REUNION,
  LIBELLES_ETAT_ECHEANCE,
  LIBELLES_NATURE_REUNION,
  NATURES_REUNION,
  estTenue,
  etatEcheance,
  menagesAPresenter,
  orientationCourante,
  type HorlogeReunion,
  type NatureReunion,
  type Reunion,
  type TypeDecisionReunion,
} from '../../domain/index.ts';
import {
  ecranReunions,
  enregistrerDecision,
  enregistrerReunion,
  listerOperations,
  modifierReunion,
  type EcranReunions,
} from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { useRole } from '../commun/role.ts';
import { proposesReferenceData } from '../../sync/index.ts';
import { le } from '../propositions/format.ts';
import { ListeAPresenter } from './ListeAPresenter.tsx';
import { heureLisible, titreReunion } from './format.ts';
import { EnChargement } from '../commun/EnChargement.tsx';

// The partners' meetings of an opération (charte §4 steps 5 to 8): their clocks, the meetings
// planned and held, the households to present (a printable list, anonymous where the household
// refused to share its situation) and what each meeting decided per household.

function Horloge({ h, bientotJours }: { h: HorlogeReunion; bientotJours: number }) {
  const etat = h.echeance === null ? null : etatEcheance(h.echeance, aujourdhui(), bientotJours);
  return (
    <li class="evenement">
      <span class="carte-titre">{h.libelle}</span>
      {h.echeance !== null ? (
        <span>
          {' '}
          : au plus tard le {le(h.echeance)}{' '}
          <span class={`badge${etat === 'en_retard' ? ' alerte' : ''}`}>{LIBELLES_ETAT_ECHEANCE[etat ?? 'a_venir']}</span>
        </span>
      ) : (
        <span class="aide"> — {h.enAttente}</span>
      )}
      {h.prevue && (
        <span class="carte-detail">
          {' '}
          · prévue le {le(h.prevue.date)}
          {heureLisible(h.prevue.heure)}
          {h.echeance !== null && h.prevue.date > h.echeance ? ' (après l’échéance)' : ''}
        </span>
      )}
    </li>
  );
}

function NouvelleReunion({ operationId }: { operationId: string }) {
  const db = useBase();
  const brouillon = useBrouillon(
    `reunion:${operationId}`,
    { nature: 'bilan_peuplement' as NatureReunion, date: '', heure: '', lieu: '' },
    () => null,
  );
  const { nature, date, heure, lieu } = brouillon.valeurs;
  const [erreur, setErreur] = useState<string | null>(null);
  const [fait, setFait] = useState<string | null>(null);
  const enregistrer = async (e: Event) => {
    e.preventDefault();
    setFait(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setErreur('Choisissez la date de la réunion.');
    const r = await enregistrerReunion(db, { operationId, nature, date, heure: heure === '' ? null : heure, lieu });
    if (!r.ok) return setErreur(r.message);
    setErreur(null);
    setFait(`${titreReunion(r.valeur)} : enregistrée.`);
    await brouillon.effacer({ ...brouillon.valeurs, date: '', heure: '' });
  };
  return (
    <form class="panneau" aria-labelledby="titre-nouvelle-reunion" onSubmit={(e) => void enregistrer(e)} noValidate>
      <h2 id="titre-nouvelle-reunion">Planifier ou noter une réunion</h2>
      <div class="grille-champs">
        <div class="champ">
          <label for="reunion-nature">Réunion</label>
          <select id="reunion-nature" value={nature} onChange={(e) => brouillon.changer('nature', e.currentTarget.value as NatureReunion)}>
            {NATURES_REUNION.map((n) => (
              <option key={n} value={n}>
                {LIBELLES_NATURE_REUNION[n]}
              </option>
            ))}
          </select>
        </div>
        <div class={`champ${erreur ? ' en-erreur' : ''}`}>
          <label for="reunion-date">Date</label>
          <input
            id="reunion-date"
            type="date"
            value={date}
            onInput={(e) => brouillon.changer('date', e.currentTarget.value)}
            aria-invalid={erreur ? true : undefined}
            aria-describedby={erreur ? 'reunion-date-erreur' : undefined}
          />
          {erreur && (
            <p id="reunion-date-erreur" class="erreur" role="alert">
              {erreur}
            </p>
          )}
        </div>
        <div class="champ">
          <label for="reunion-heure">Heure (facultative)</label>
          <input id="reunion-heure" type="time" value={heure} onInput={(e) => brouillon.changer('heure', e.currentTarget.value)} />
        </div>
        <div class="champ">
          <label for="reunion-lieu">Lieu</label>
          <input id="reunion-lieu" type="text" value={lieu} onInput={(e) => brouillon.changer('lieu', e.currentTarget.value)} />
        </div>
      </div>
      <button type="submit" class="bouton principal">
        Enregistrer la réunion
      </button>
      {fait && <p role="status">{fait}</p>}
    </form>
  );
}

function NouvelleDecision({ reunion, donnees }: { reunion: Reunion; donnees: EcranReunions }) {
  const db = useBase();
  const presentes = menagesAPresenter(donnees.dossiers, reunion.nature).map((x) => x.dossier);
  const choix = presentes.length > 0 ? presentes : donnees.dossiers;
  const brouillon = useBrouillon(
    `decision:${reunion.id}`,
    {
      menageId: choix[0]?.menage.id ?? '',
      decision: (reunion.nature === 'orientation' ? 'orientation' : 'projet_partage') as TypeDecisionReunion,
      detail: '',
    },
    (v) => v.menageId || null,
  );
  const { menageId, decision, detail } = brouillon.valeurs;
  const [erreur, setErreur] = useState<string | null>(null);
  const id = `decision-${reunion.id}`;
  if (choix.length === 0) return null;
  const enregistrer = async (e: Event) => {
    e.preventDefault();
    const r = await enregistrerDecision(db, { menageId, reunionId: reunion.id, decision, detail }, aujourdhui());
    if (!r.ok) return setErreur(r.message);
    setErreur(null);
    await brouillon.effacer({ ...brouillon.valeurs, detail: '' });
  };
  return (
    <form
      class="sous-panneau"
      onSubmit={(e) => void enregistrer(e)}
      noValidate
      aria-label={`Décision de la réunion : ${titreReunion(reunion)}`}
    >
      <div class="grille-champs">
        <div class="champ">
          <label for={`${id}-menage`}>Ménage</label>
          <select id={`${id}-menage`} value={menageId} onChange={(e) => brouillon.changer('menageId', e.currentTarget.value)}>
            {choix.map((d) => (
              <option key={d.menage.id} value={d.menage.id}>
                {d.menage.nom || 'Ménage sans nom'}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for={`${id}-type`}>Décision</label>
          <select
            id={`${id}-type`}
            value={decision}
            onChange={(e) => brouillon.changer('decision', e.currentTarget.value as TypeDecisionReunion)}
          >
            {DECISIONS_REUNION.map((d) => (
              <option key={d} value={d}>
                {LIBELLES_DECISION_REUNION[d]}
              </option>
            ))}
          </select>
        </div>
        <div class={`champ${erreur ? ' en-erreur' : ''}`}>
          <label for={`${id}-detail`}>Précisions (qui fait quoi, pour quand)</label>
          <textarea
            id={`${id}-detail`}
            value={detail}
            onInput={(e) => brouillon.changer('detail', e.currentTarget.value)}
            aria-invalid={erreur ? true : undefined}
            aria-describedby={erreur ? `${id}-erreur` : undefined}
          />
          {erreur && (
            <p id={`${id}-erreur`} class="erreur" role="alert">
              {erreur}
            </p>
          )}
        </div>
      </div>
      <button type="submit" class="bouton">
        Enregistrer la décision
      </button>
    </form>
  );
}

function CarteReunion({ reunion, donnees, lectureSeule }: { reunion: Reunion; donnees: EcranReunions; lectureSeule: boolean }) {
  const db = useBase();
  const tenue = estTenue(reunion, aujourdhui());
  const decisions = donnees.dossiers.flatMap((d) =>
    d.decisions.filter((x) => x.reunionId === reunion.id).map((x) => ({ ...x, nom: d.menage.nom })),
  );
  const presentes = menagesAPresenter(donnees.dossiers, reunion.nature);
  return (
    <li class="carte">
      <h3>
        {titreReunion(reunion)} — {tenue ? 'tenue' : 'prévue'}
      </h3>
      {reunion.lieu && <p class="carte-detail">Lieu : {reunion.lieu}</p>}
      {reunion.nature !== 'bilan_peuplement' && (
        <p>
          {presentes.length} ménage{presentes.length > 1 ? 's' : ''} à présenter ·{' '}
          <a class="bouton" href={lien.reunions(donnees.operation.id, reunion.id)}>
            Liste imprimable des ménages à présenter
          </a>
        </p>
      )}
      <ChampSaisie
        id={`compte-rendu-${reunion.id}`}
        libelle="Compte rendu (présents, feuille de route, points bloquants)"
        genre="multiligne"
        valeur={reunion.compteRendu}
        desactive={lectureSeule}
        enregistrer={(v) => modifierReunion(db, reunion.id, { compteRendu: v })}
      />
      {decisions.length > 0 && (
        <ul class="historique" aria-label="Décisions par ménage">
          {decisions.map((d) => (
            <li key={d.id}>
              <a href={lien.menage(d.menageId)}>{d.nom || 'Ménage sans nom'}</a> : {LIBELLES_DECISION_REUNION[d.decision]}
              {d.detail ? ` — ${d.detail}` : ''}
            </li>
          ))}
        </ul>
      )}
      {tenue ? (
        <NouvelleDecision reunion={reunion} donnees={donnees} />
      ) : (
        <p class="aide">Les décisions s’enregistrent une fois la réunion tenue.</p>
      )}
    </li>
  );
}

function Operations() {
  const db = useBase();
  const operations = useLive(() => listerOperations(db), [db]);
  if (!operations) return <EnChargement titre={ECRANS.reunions.titre} />;
  return (
    <div>
      <h1>{ECRANS.reunions.titre}</h1>
      <p>Bilan de peuplement, réunion d’orientation, GTR et GTRM : choisissez l’opération.</p>
      {operations.length === 0 ? (
        <p class="vide">Aucune opération sur cette tablette.</p>
      ) : (
        <ul class="historique">
          {operations.map((o) => (
            <li key={o.id}>
              <a href={lien.reunions(o.id)}>{o.nom}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function ReunionsScreen({ id, reunionId }: { id: string | null; reunionId: string | null }) {
  const db = useBase();
  const lectureSeule = proposesReferenceData(useRole());
  const donnees = useLive(() => (id === null ? Promise.resolve(null) : ecranReunions(db, id, aujourdhui())), [db, id]);
  if (id === null) return <Operations />;
  if (donnees === undefined) return <EnChargement titre={ECRANS.reunions.titre}>Chargement des réunions de l’opération…</EnChargement>;
  if (donnees === null)
    return (
      <p class="erreur">
        Cette opération n’existe pas sur cette tablette. <a href={lien.reunions()}>Retour aux opérations</a>
      </p>
    );
  const reunion = donnees.reunions.find((r) => r.id === reunionId);
  if (reunion) return <ListeAPresenter reunion={reunion} donnees={donnees} />;
  return (
    <div class="ecran-reunions">
      <p class="retour">
        <a href={lien.reunions()}>← Opérations</a>
      </p>
      <h1>Réunions — {donnees.operation.nom}</h1>
      <section class="panneau" aria-labelledby="titre-echeances-reunions">
        <h2 id="titre-echeances-reunions">Échéances (charte §4 étapes 5 et 6)</h2>
        <p class="aide">Calculées sur les {donnees.dossiers.length} ménages de l’opération présents sur cette tablette.</p>
        <ul class="liste-agenda">
          {donnees.horloges.map((h) => (
            <Horloge key={h.nature} h={h} bientotJours={donnees.territoire.agenda.bientotJours} />
          ))}
        </ul>
      </section>
      {lectureSeule ? (
        <p class="aide" role="note">
          Les réunions sont planifiées par les encadrants ; vous y enregistrez les décisions prises pour vos ménages.
        </p>
      ) : (
        <NouvelleReunion operationId={donnees.operation.id} />
      )}
      <section class="panneau" aria-labelledby="titre-liste-reunions">
        <h2 id="titre-liste-reunions">Réunions</h2>
        {donnees.reunions.length === 0 ? (
          <p class="vide">Aucune réunion enregistrée.</p>
        ) : (
          <ul class="cartes">
            {[...donnees.reunions].reverse().map((r) => (
              <CarteReunion key={r.id} reunion={r} donnees={donnees} lectureSeule={lectureSeule} />
            ))}
          </ul>
        )}
      </section>
      <section class="panneau" aria-labelledby="titre-orientations-reunions">
        <h2 id="titre-orientations-reunions">Orientation des ménages</h2>
        <ul class="historique">
          {donnees.dossiers.map((d) => {
            const o = orientationCourante(d.orientations);
            return (
              <li key={d.menage.id}>
                <a href={lien.propositions(d.menage.id)}>{d.menage.nom || 'Ménage sans nom'}</a> :{' '}
                {o ? `${LIBELLES_CIRCUIT[o.circuit]} (le ${le(o.date)})` : 'pas encore orienté'}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
