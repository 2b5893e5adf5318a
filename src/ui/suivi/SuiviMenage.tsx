import { LIBELLES_ISSUE, parseDateIso, verifierDateRelogement } from '../../domain/index.ts';
import type { EnqueteSatisfaction, Menage, VisiteCourtoisie } from '../../domain/index.ts';
import { enregistrerRelogement, ouvrirEnquete, ouvrirVisite, suiviDuMenage, vigilanceMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { lien, naviguer } from '../app/route.ts';
import { dateLongue } from '../commun/dates.ts';
import { siValide, verifierJour } from './champs-suivi.tsx';
import { AlerteVigilance } from './Vigilance.tsx';

const etat = (r: VisiteCourtoisie | EnqueteSatisfaction | null | undefined): string => {
  if (!r) return 'à planifier';
  if (r.issue === 'realisee' || r.issue === 'injoignable')
    return `${LIBELLES_ISSUE[r.issue].toLowerCase()}${r.date ? ` le ${dateLongue(r.date)}` : ''}`;
  if (r.issue === 'annulee') return 'annulée';
  return r.datePrevue
    ? `prévue le ${dateLongue(r.datePrevue)}${r.heurePrevue ? ` à ${r.heurePrevue.replace(':', ' h ')}` : ''}`
    : 'à planifier';
};

/** On a household: the lease signature, then the courtesy visits and the survey it schedules. */
export function SuiviMenage({ menage }: { menage: Menage }) {
  const db = useBase();
  const suivi = useLive(() => suiviDuMenage(db, menage.id), [db, menage.id]);
  if (!suivi) return null;
  const jour = aujourdhui();
  const verifier = (v: string) => {
    const format = verifierJour(v);
    if (!format.ok) return format;
    const erreur = verifierDateRelogement(v, jour, suivi.reglages.suivi)[0];
    return erreur ? { ok: false as const, message: erreur.message } : { ok: true as const };
  };
  const ouvrir = async (numero: number | null) => {
    const id = numero === null ? (await ouvrirEnquete(db, menage.id)).id : (await ouvrirVisite(db, menage.id, numero)).id;
    naviguer(numero === null ? lien.enquete(id) : lien.visite(id));
  };
  return (
    <section aria-labelledby="titre-suivi" class="panneau">
      <h2 id="titre-suivi">Après le relogement</h2>
      <div class="grille-champs">
        <ChampSaisie
          id="menage-date-relogement"
          libelle="Date de relogement (signature du bail)"
          genre="date"
          valeur={menage.dateRelogement ?? ''}
          verifier={verifier}
          enregistrer={siValide(parseDateIso, (d) => enregistrerRelogement(db, menage.id, d, jour))}
        />
      </div>
      <AlerteVigilance codes={vigilanceMenage(suivi.visites, suivi.reglages.vigilance)} />
      {suivi.dateRelogement === null ? (
        <p class="aide">Les visites de courtoisie et l’enquête de satisfaction seront planifiées à partir de la signature du bail.</p>
      ) : (
        <ul class="liste-suivi">
          {suivi.echeancesVisites.map(({ numero, echeance }) => (
            <li key={numero}>
              <span>
                Visite de courtoisie n° {numero} — échéance le {dateLongue(echeance)} —{' '}
                {etat(suivi.visites.find((v) => v.numero === numero))}
              </span>
              <button type="button" class="bouton" onClick={() => void ouvrir(numero)}>
                Compte rendu de la visite n° {numero}
              </button>
            </li>
          ))}
          {suivi.echeanceEnquete && (
            <li>
              <span>
                Enquête de satisfaction — échéance le {dateLongue(suivi.echeanceEnquete)} — {etat(suivi.enquete)}
              </span>
              <button type="button" class="bouton" onClick={() => void ouvrir(null)}>
                Enquête de satisfaction
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
