import { useEffect, useMemo, useRef } from 'preact/hooks';
import { GRILLE, estVisible, problemesSection, progressionSection, reponsesModifiees, verifierDateEntretien } from '../../domain/index.ts';
import type { ContexteEntretien, Reponse } from '../../domain/index.ts';
import {
  enregistrerReponse,
  entretiensDuMenage,
  lireEntretien,
  lireMenage,
  lireReprise,
  modifierDateEntretien,
  noterReprise,
  personnesDuMenage,
} from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { Occupants } from '../menage/Occupants.tsx';
import { Consentement } from '../menage/Consentement.tsx';
import { dateLongue } from '../commun/dates.ts';
import { QuestionChamp } from './QuestionChamp.tsx';
import { RessourcesTable } from './RessourcesTable.tsx';
import { Revue } from './Revue.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

export const SECTION_REVUE = 'revue';

function useDonneesEntretien(id: string) {
  const db = useBase();
  return useLive(async () => {
    const entretien = await lireEntretien(db, id);
    if (!entretien) return { entretien };
    const [menage, personnes, tous] = await Promise.all([
      lireMenage(db, entretien.menageId),
      personnesDuMenage(db, entretien.menageId),
      entretiensDuMenage(db, entretien.menageId),
    ]);
    const precedent = tous.find((e) => e.id === entretien.precedentId);
    return { entretien, menage, personnes, precedent };
  }, [db, id]);
}

/** Goes back to where the officer was in this interview on this device: section and field, unless a link names a field. */
function useReprise(id: string, section: string | null, champ: string | null) {
  const db = useBase();
  const restauree = useRef(false);
  useEffect(() => {
    // Unreadable, the place in the interview is lost, never the answers: the interview opens at its start.
    lireReprise(db, id)
      .then((r) => {
        if (restauree.current) return;
        restauree.current = true;
        if (!section && r) naviguer(lien.entretien(id, r.section), true);
        if (r?.champ && !champ) requestAnimationFrame(() => document.getElementById(r.champ ?? '')?.focus());
      })
      .catch(() => undefined);
  }, [db, id, section, champ]);
  return (champ: string | null, sectionCourante: string) => void noterReprise(db, { entretienId: id, section: sectionCourante, champ });
}

/** Focuses the field a link leads to (from the review) once its section is on screen. */
function useChampCible(champ: string | null, affiche: boolean) {
  useEffect(() => {
    if (champ && affiche) document.getElementById(champ)?.focus();
  }, [champ, affiche]);
}

export default function EntretienScreen({ id, section, champ = null }: { id: string; section: string | null; champ?: string | null }) {
  const db = useBase();
  const donnees = useDonneesEntretien(id);
  const noter = useReprise(id, section, champ);
  useChampCible(champ, Boolean(donnees?.entretien));
  const jour = aujourdhui();
  const modifiees = useMemo(
    () => (donnees?.entretien && donnees.precedent ? reponsesModifiees(donnees.precedent, donnees.entretien) : new Set<string>()),
    [donnees?.entretien, donnees?.precedent],
  );
  if (!donnees) return <EnChargement titre={ECRANS.entretien.titre}>Chargement de l’entretien…</EnChargement>;
  const { entretien } = donnees;
  if (!entretien || !donnees.menage)
    return (
      <p class="erreur">
        Cet entretien n’existe pas sur cette tablette. <a href={lien.menages()}>Retour à la liste</a>
      </p>
    );
  const { menage, personnes, precedent } = donnees;
  const ctx: ContexteEntretien = { menage, personnes, aujourdhui: jour, datePrecedent: precedent?.date ?? null };
  const lectureSeule = entretien.statut === 'termine';
  const courante = section === SECTION_REVUE ? null : (GRILLE.find((s) => s.id === section) ?? GRILLE[0]);
  const rang = courante ? GRILLE.indexOf(courante) : GRILLE.length;
  const sauver = (cle: string, r: Reponse | null) => enregistrerReponse(db, entretien.id, cle, r);
  const problemes = courante ? problemesSection(courante, entretien, ctx) : [];
  const erreurDe = (cle: string) => problemes.find((p) => p.champ === cle && p.genre === 'invalide')?.message ?? null;
  const dateVerdict = verifierDateEntretien(entretien.date, ctx);

  return (
    <div
      class="ecran-entretien"
      onFocusIn={(e) => {
        const cible = e.target as HTMLElement;
        if (cible.id && courante) noter(cible.id, courante.id);
      }}
    >
      <p class="retour">
        <a href={lien.menage(menage.id)}>← {menage.nom || 'Ménage'}</a>
      </p>
      <h1>
        {entretien.type === 'premier' ? 'Premier entretien' : 'Entretien de suivi'} — {menage.nom}
      </h1>
      {lectureSeule && (
        <p class="info" role="status">
          Entretien terminé le {dateLongue(entretien.termineLe ?? entretien.date)} : il est en lecture seule. Un nouvel entretien de suivi
          repart de ces réponses.
        </p>
      )}
      {precedent && !lectureSeule && (
        <p class="aide">
          Cet entretien reprend les réponses du {dateLongue(precedent.date)} ; les réponses modifiées depuis sont signalées.
        </p>
      )}
      <div class="grille-champs">
        <ChampSaisie
          id="entretien-date"
          libelle="Date de l’entretien"
          genre="date"
          valeur={entretien.date}
          desactive={lectureSeule}
          enregistrer={(v) => modifierDateEntretien(db, entretien.id, v)}
          erreurExterne={dateVerdict.ok ? null : dateVerdict.message}
        />
      </div>
      <nav class="sections" aria-label="Sections de l’entretien">
        <ol>
          {GRILLE.map((s) => {
            const p = progressionSection(s, entretien, ctx);
            const aCorriger = problemesSection(s, entretien, ctx).some((x) => x.genre === 'invalide');
            return (
              <li key={s.id}>
                <a
                  href={lien.entretien(entretien.id, s.id)}
                  aria-current={courante?.id === s.id ? 'step' : undefined}
                  class={aCorriger ? 'a-corriger' : ''}
                >
                  <span>{s.titre}</span>
                  <span class="progression" aria-label={`${p.repondues} sur ${p.total} renseignés`}>
                    {p.repondues}/{p.total}
                  </span>
                  <progress max={p.total} value={p.repondues} aria-hidden="true" />
                </a>
              </li>
            );
          })}
          <li>
            <a href={lien.entretien(entretien.id, SECTION_REVUE)} aria-current={section === SECTION_REVUE ? 'step' : undefined}>
              Vérification
            </a>
          </li>
        </ol>
      </nav>
      {courante ? (
        <section aria-labelledby="titre-section" class="panneau">
          <h2 id="titre-section" tabIndex={-1}>
            {courante.titre}
          </h2>
          {courante.special === 'occupants' && <Occupants menageId={menage.id} personnes={personnes} lectureSeule={lectureSeule} />}
          {courante.special === 'ressources' && (
            <RessourcesTable entretien={entretien} personnes={personnes} enregistrer={sauver} lectureSeule={lectureSeule} />
          )}
          {courante.special === 'consentement' && <Consentement menage={menage} lectureSeule={lectureSeule} />}
          {courante.questions
            .filter((q) => estVisible(q, entretien.reponses))
            .map((q) => (
              <QuestionChamp
                key={q.id}
                question={q}
                reponse={entretien.reponses[q.id]}
                enregistrer={(r) => sauver(q.id, r)}
                aujourdhui={jour}
                lectureSeule={lectureSeule}
                modifiee={modifiees.has(q.id)}
                erreur={erreurDe(q.id)}
              />
            ))}
          <div class="actions">
            {rang > 0 && (
              <a class="bouton" href={lien.entretien(entretien.id, GRILLE[rang - 1]?.id)}>
                Section précédente
              </a>
            )}
            <a class="bouton principal" href={lien.entretien(entretien.id, GRILLE[rang + 1]?.id ?? SECTION_REVUE)}>
              {rang + 1 < GRILLE.length ? 'Section suivante' : 'Vérifier et terminer'}
            </a>
          </div>
        </section>
      ) : (
        <Revue entretien={entretien} ctx={ctx} modifiees={modifiees} />
      )}
    </div>
  );
}
