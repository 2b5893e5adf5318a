import { useState } from 'preact/hooks';
import { GRILLE, QUESTIONS, estVisible, libelleReponse, verifierEntretien } from '../../domain/index.ts';
import type { ContexteEntretien, Entretien, Probleme } from '../../domain/index.ts';
import { demanderPersistance, ouvrirEntretien, terminerEntretien } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { lien, naviguer } from '../app/route.ts';
import { idQuestion } from './QuestionChamp.tsx';
import { idRessource } from './RessourcesTable.tsx';

/** Where a problem is fixed: its section, and its field when the section shows one for it. */
function lienProbleme(entretienId: string, p: Probleme): string {
  if (p.section === 'entete') return lien.entretien(entretienId, GRILLE[0]?.id, 'entretien-date');
  if (QUESTIONS.has(p.champ)) return lien.entretien(entretienId, p.section, idQuestion(p.champ));
  if (p.section === 'ressources' && p.champ.startsWith('ressources.')) return lien.entretien(entretienId, p.section, idRessource(p.champ));
  return lien.entretien(entretienId, p.section);
}

/** The review before closing: what is left to fix, then every answer, changes since last time marked. */
export function Revue({ entretien, ctx, modifiees }: { entretien: Entretien; ctx: ContexteEntretien; modifiees: ReadonlySet<string> }) {
  const db = useBase();
  const [message, setMessage] = useState<string | null>(null);
  const problemes = verifierEntretien(entretien, ctx);
  const termine = entretien.statut === 'termine';
  const titreSection = (id: string) => GRILLE.find((s) => s.id === id)?.titre ?? 'En-tête';

  const terminer = async () => {
    const resultat = await terminerEntretien(db, entretien.id, ctx);
    if (resultat.ok) {
      // A meaningful moment to ask the browser to protect the data (docs/stockage-local.md), not the first load.
      // Paramètres shows whether the storage is protected; a refusal or failure changes nothing here.
      demanderPersistance().catch(() => false);
      naviguer(lien.menage(entretien.menageId));
    } else setMessage(`${resultat.problemes.length} point(s) restent à corriger.`);
  };
  const suivant = async () => naviguer(lien.entretien((await ouvrirEntretien(db, entretien.menageId, ctx.aujourdhui)).id));

  return (
    <section aria-labelledby="titre-revue" class="panneau revue">
      <h2 id="titre-revue" tabIndex={-1}>
        Vérification
      </h2>
      {!termine &&
        (problemes.length === 0 ? (
          <p class="succes" role="status">
            Tout est renseigné : l’entretien peut être marqué comme terminé.
          </p>
        ) : (
          <div role="region" aria-labelledby="titre-problemes">
            <h3 id="titre-problemes">À corriger avant de terminer ({problemes.length})</h3>
            <ul class="problemes">
              {problemes.map((p) => (
                <li key={`${p.section}-${p.champ}`}>
                  <a href={lienProbleme(entretien.id, p)}>
                    {titreSection(p.section)}
                    {p.libelle && ` — ${p.libelle}`}
                  </a>{' '}
                  : {p.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
      {GRILLE.filter((s) => s.questions.length > 0).map((s) => (
        <div key={s.id}>
          <h3>{s.titre}</h3>
          <dl class="reponses">
            {s.questions
              .filter((q) => estVisible(q, entretien.reponses))
              .map((q) => (
                <div key={q.id} class={modifiees.has(q.id) ? 'modifiee' : ''}>
                  <dt>{q.libelle}</dt>
                  <dd>
                    {libelleReponse(QUESTIONS.get(q.id), entretien.reponses[q.id])}
                    {modifiees.has(q.id) && (
                      <>
                        {' '}
                        <span class="badge info">Modifié</span>
                      </>
                    )}
                  </dd>
                </div>
              ))}
          </dl>
        </div>
      ))}
      <div class="actions">
        {termine ? (
          <button type="button" class="bouton principal" onClick={() => void suivant()}>
            Nouvel entretien de suivi
          </button>
        ) : (
          <button
            type="button"
            class="bouton principal"
            disabled={problemes.length > 0}
            aria-describedby={problemes.length > 0 ? 'explication-terminer' : undefined}
            onClick={() => void terminer()}
          >
            Marquer l’entretien comme terminé
          </button>
        )}
        {!termine && problemes.length > 0 && (
          <p id="explication-terminer" class="aide">
            Corrigez les points ci-dessus pour pouvoir terminer l’entretien. Tout ce qui est saisi reste enregistré.
          </p>
        )}
        {message && (
          <p class="erreur" role="alert">
            {message}
          </p>
        )}
      </div>
    </section>
  );
}
