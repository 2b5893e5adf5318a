import { LIBELLES_CONSENTEMENT, LIBELLES_PARTENAIRE, PARTENAIRES, etatConsentement } from '../../domain/index.ts';
import type { Menage, Partenaire } from '../../domain/index.ts';
import { modifierMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { ChampSaisie } from '../commun/champs.tsx';

/** Step 4 of the charter: consent partner by partner, with its date, or the signed refusal. */
export function Consentement({ menage, lectureSeule = false }: { menage: Menage; lectureSeule?: boolean }) {
  const db = useBase();
  const etat = etatConsentement(menage.consentements, menage.refusConsentement);
  const basculer = (p: Partenaire, accorde: boolean) =>
    modifierMenage(db, menage.id, {
      consentements: { ...menage.consentements, [p]: { accorde, date: menage.consentements[p]?.date ?? aujourdhui() } },
    });
  const dater = (p: Partenaire, date: string) => {
    const accord = menage.consentements[p];
    return accord && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? modifierMenage(db, menage.id, { consentements: { ...menage.consentements, [p]: { ...accord, date } } })
      : Promise.resolve();
  };
  const refus = (signe: boolean) => modifierMenage(db, menage.id, { refusConsentement: signe ? { signeLe: aujourdhui() } : null });
  return (
    <fieldset class="consentement" disabled={lectureSeule}>
      <legend>Consentement au partage avec les partenaires</legend>
      <p class={`etat-consentement ${etat}`}>{LIBELLES_CONSENTEMENT[etat]}</p>
      <ul class="partenaires">
        {PARTENAIRES.map((p) => {
          const accord = menage.consentements[p];
          return (
            <li key={p}>
              <label class="option case">
                <input
                  type="checkbox"
                  checked={accord?.accorde ?? false}
                  disabled={Boolean(menage.refusConsentement)}
                  onChange={(e) => void basculer(p, e.currentTarget.checked)}
                />
                <span>{LIBELLES_PARTENAIRE[p]}</span>
              </label>
              {accord?.accorde && (
                <ChampSaisie
                  id={`consentement-${p}-date`}
                  libelle={`Date de l’accord (${LIBELLES_PARTENAIRE[p]})`}
                  genre="date"
                  valeur={accord.date}
                  enregistrer={(v) => dater(p, v)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <label class="option case">
        <input type="checkbox" checked={Boolean(menage.refusConsentement)} onChange={(e) => void refus(e.currentTarget.checked)} />
        <span>Le ménage a signé un courrier de refus : sa situation ne sera présentée que de façon anonyme</span>
      </label>
      {menage.refusConsentement && (
        <ChampSaisie
          id="refus-date"
          libelle="Refus signé le"
          genre="date"
          valeur={menage.refusConsentement.signeLe}
          enregistrer={(v) =>
            /^\d{4}-\d{2}-\d{2}$/.test(v) ? modifierMenage(db, menage.id, { refusConsentement: { signeLe: v } }) : Promise.resolve()
          }
        />
      )}
    </fieldset>
  );
}
