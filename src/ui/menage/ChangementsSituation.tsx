import { useState } from 'preact/hooks';
import {
  LIBELLES_KIND_PIECE,
  LIBELLES_NATURE_CHANGEMENT,
  NATURES_CHANGEMENT,
  estAJour,
  type NatureChangement,
  type Personne,
} from '../../domain/index.ts';
import { changementsDuMenage, enregistrerChangement, retirerChangement, type ChangementEtSuites } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';
import { le, nomPersonne } from '../propositions/format.ts';

// Charte §4 step 4: the dossier's pieces are updated « à chaque changement de situation ». A
// change recorded here lists the pieces to ask for again and the simulations to redo, until done.

function Suites({ suite, personnes, menageId }: { suite: ChangementEtSuites; personnes: readonly Personne[]; menageId: string }) {
  const db = useBase();
  const { changement: c, aRefaire: a } = suite;
  const qui = personnes.find((p) => p.id === c.personneId);
  return (
    <li class="carte">
      <h3>
        {LIBELLES_NATURE_CHANGEMENT[c.nature]} le {le(c.date)}
        {qui ? ` — ${nomPersonne(qui)}` : ''}
      </h3>
      {c.detail && <p>{c.detail}</p>}
      {estAJour(a) ? (
        <p class="badge">Dossier et simulations à jour pour ce changement</p>
      ) : (
        <>
          {(a.piecesARenouveler.length > 0 || a.piecesAAjouter.length > 0) && (
            <>
              <p>
                <strong>Pièces à renouveler ou à ajouter</strong> (<a href={lien.dossier(menageId)}>ouvrir le dossier</a>) :
              </p>
              <ul>
                {a.piecesARenouveler.map((p) => (
                  <li key={p.id}>
                    {p.libelle || LIBELLES_KIND_PIECE[p.kind]} : remise le {le(p.dateFournie)}, avant le changement
                  </li>
                ))}
                {a.piecesAAjouter.map((p) => (
                  <li key={p.kind}>{p.libelle} : à ajouter au dossier</li>
                ))}
              </ul>
            </>
          )}
          {a.simulationsARefaire.length > 0 && (
            <>
              <p>
                <strong>Simulations à refaire</strong> (<a href={lien.simulation(menageId)}>simuler</a>) :
              </p>
              <ul>
                {a.simulationsARefaire.map((s) => (
                  <li key={s.id}>
                    {s.libelle || 'Simulation'} du {le(s.creeLe)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <button type="button" class="bouton discret" onClick={() => void retirerChangement(db, c.id)}>
        Retirer ce changement (saisi par erreur)
      </button>
    </li>
  );
}

export function ChangementsSituation({ menageId, personnes }: { menageId: string; personnes: readonly Personne[] }) {
  const db = useBase();
  const changements = useLive(() => changementsDuMenage(db, menageId), [db, menageId]);
  const brouillon = useBrouillon(
    `changement:${menageId}`,
    { nature: 'naissance' as NatureChangement, date: aujourdhui(), personneId: '', detail: '' },
    () => menageId,
  );
  const { nature, date, personneId, detail } = brouillon.valeurs;
  const [erreur, setErreur] = useState<string | null>(null);
  const enregistrer = async (e: Event) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setErreur('Indiquez la date du changement.');
    const r = await enregistrerChangement(db, { menageId, nature, date, personneId: personneId || null, detail }, aujourdhui());
    if (!r.ok) return setErreur(r.message);
    setErreur(null);
    await brouillon.effacer({ ...brouillon.valeurs, detail: '' });
  };
  return (
    <section class="panneau" aria-labelledby="titre-changements">
      <h2 id="titre-changements">Changements de situation</h2>
      <p class="aide">
        Naissance, séparation, nouvel emploi, décès : les pièces concernées sont à renouveler et les simulations à refaire (charte, étape
        4). Pensez à mettre à jour les occupants.
      </p>
      <form onSubmit={(e) => void enregistrer(e)} noValidate aria-label="Nouveau changement de situation">
        <div class="grille-champs">
          <div class="champ">
            <label for="changement-nature">Changement</label>
            <select
              id="changement-nature"
              value={nature}
              onChange={(e) => brouillon.changer('nature', e.currentTarget.value as NatureChangement)}
            >
              {NATURES_CHANGEMENT.map((n) => (
                <option key={n} value={n}>
                  {LIBELLES_NATURE_CHANGEMENT[n]}
                </option>
              ))}
            </select>
          </div>
          <div class={`champ${erreur ? ' en-erreur' : ''}`}>
            <label for="changement-date">Date du changement</label>
            <input
              id="changement-date"
              type="date"
              value={date}
              onInput={(e) => brouillon.changer('date', e.currentTarget.value)}
              aria-invalid={erreur ? true : undefined}
              aria-describedby={erreur ? 'changement-erreur' : undefined}
            />
          </div>
          <div class="champ">
            <label for="changement-personne">Occupant concerné</label>
            <select id="changement-personne" value={personneId} onChange={(e) => brouillon.changer('personneId', e.currentTarget.value)}>
              <option value="">Tout le ménage</option>
              {personnes.map((p) => (
                <option key={p.id} value={p.id}>
                  {nomPersonne(p)}
                </option>
              ))}
            </select>
          </div>
          <div class="champ">
            <label for="changement-detail">Précisions</label>
            <input id="changement-detail" type="text" value={detail} onInput={(e) => brouillon.changer('detail', e.currentTarget.value)} />
          </div>
        </div>
        {erreur && (
          <p id="changement-erreur" class="erreur" role="alert">
            {erreur}
          </p>
        )}
        <button type="submit" class="bouton principal">
          Enregistrer le changement
        </button>
      </form>
      {changements && changements.length > 0 && (
        <ul class="cartes" aria-label="Changements enregistrés">
          {changements.map((s) => (
            <Suites key={s.changement.id} suite={s} personnes={personnes} menageId={menageId} />
          ))}
        </ul>
      )}
    </section>
  );
}
