import { format } from 'date-fns';
import { useEffect, useState } from 'preact/hooks';
import { enteteRapport, filtresEnClair, tableauDesChiffres, type FiltresPilotage } from '../../domain/index.ts';
import { lireContexteBilan } from '../../data/index.ts';
import type { ChoixPilotage, PilotageResponse } from '../../sync/index.ts';
import { ErreurSync } from '../../sync-client/index.ts';
import { useEnLigne } from '../app/Reseau.tsx';
import { aujourdhui, useBase, useMoteur } from '../commun/contexte.ts';
import { useProfil } from '../commun/role.ts';
import { useLive } from '../commun/useLive.ts';
import { BilanAnnuel } from './BilanAnnuel.tsx';
import { CODES_BILAN, CorpsRapport, EnteteRapport, Exports, FormulaireFiltres, nomsDesFiltres, useFiltresPilotage } from './Rapport.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// « Pilotage » for the métropole, the State and a landlord's partner account: their devices hold no
// household, so the server computes the report (GET /api/v1/pilotage), with the same figures,
// charts, exports and filters as the tablet's screen. Aggregates only: no household is listed nor
// offered. Online only, and said so: the last report received stays readable with its date, never
// shown as current.

export type ChargerRapport = (f: FiltresPilotage) => Promise<PilotageResponse>;

type Recu = { reponse: PilotageResponse; recuLe: Date; compte: string };
type Etat = { genre: 'calcul' } | { genre: 'pret'; recu: Recu } | { genre: 'echec'; message: string };

/** The last report received on this device, kept while the app runs, for the time the network is gone. */
let dernier: Recu | null = null;

const SANS_CHOIX: ChoixPilotage = { operations: [], residences: [], bailleurs: [], communes: [] };

function messageDEchec(e: unknown, territoire: boolean): string {
  const quoi = territoire ? 'Le rapport du territoire' : 'Le rapport de vos logements';
  if (e instanceof ErreurSync && e.genre === 'refus') return e.message;
  if (e instanceof ErreurSync && e.genre === 'connexion')
    return `Session expirée : reconnectez-vous pour recevoir le rapport. ${quoi} est calculé par le serveur.`;
  if (e instanceof ErreurSync && e.genre === 'reseau')
    return `Hors ligne ou serveur injoignable : ${quoi.toLowerCase()} est calculé par le serveur et demande le réseau.`;
  return `Le serveur n’a pas pu calculer le rapport. ${quoi} est calculé par le serveur et demande le réseau : réessayez dans un moment.`;
}

/** The last report received, read as what it is: dated, with its own filters. */
function DernierRapport({ recu }: { recu: Recu }) {
  const { reponse, recuLe } = recu;
  const contexte = [
    `Rapport du ${format(recuLe, "dd/MM/yyyy 'à' HH:mm")} (dernier reçu du serveur, pas à jour)`,
    ...filtresEnClair(reponse.filtres, nomsDesFiltres(reponse.choix, reponse.filtres)),
  ];
  return (
    <section class="panneau" aria-labelledby="titre-dernier-rapport">
      <h2 id="titre-dernier-rapport">Dernier rapport reçu : rapport du {format(recuLe, "dd/MM/yyyy 'à' HH:mm")}</h2>
      <EnteteRapport contexte={contexte} />
      <CorpsRapport rapport={reponse} />
    </section>
  );
}

export function PilotageServeur({ territoire, charger }: { territoire: boolean; charger?: ChargerRapport }) {
  const db = useBase();
  const moteur = useMoteur();
  const profil = useProfil();
  const enLigne = useEnLigne();
  const contexteBilan = useLive(() => lireContexteBilan(db), [db]);
  const jour = aujourdhui();
  const filtres = useFiltresPilotage(jour);
  const { periode, erreurPeriode } = filtres;
  const [etat, setEtat] = useState<Etat>({ genre: 'calcul' });
  const [essai, setEssai] = useState(0);
  const compte = profil?.id ?? '';
  const demande = JSON.stringify(filtres.filtres);
  const appel: ChargerRapport | null = charger ?? (moteur ? (f) => moteur.api.pilotage(f) : null);

  useEffect(() => {
    // The report is kept as the account's: asked once the account is known.
    if (erreurPeriode !== null || appel === null || profil === undefined) return;
    if (!enLigne) return setEtat({ genre: 'echec', message: messageDEchec(new ErreurSync('reseau', ''), territoire) });
    let actuelle = true;
    setEtat({ genre: 'calcul' });
    appel(filtres.filtres).then(
      (reponse) => {
        if (!actuelle) return;
        const recu = { reponse, recuLe: new Date(), compte };
        dernier = recu;
        setEtat({ genre: 'pret', recu });
      },
      (e: unknown) => actuelle && setEtat({ genre: 'echec', message: messageDEchec(e, territoire) }),
    );
    return () => {
      actuelle = false;
    };
  }, [demande, erreurPeriode, appel === null, enLigne, essai, compte, profil === undefined]);

  const recu = etat.genre === 'pret' ? etat.recu : null;
  const precedent = dernier?.compte === compte ? dernier : null;
  const choix = recu?.reponse.choix ?? precedent?.reponse.choix ?? SANS_CHOIX;
  const contexte = enteteRapport(filtres.filtres, jour, nomsDesFiltres(choix, filtres.criteres));
  const annee = Number(periode.fin.slice(0, 4));
  return (
    <div class="pilotage">
      <h1>Pilotage {territoire ? 'du territoire' : 'de mes logements'}</h1>
      <p class="aide ne-pas-imprimer">
        {territoire
          ? 'Chiffres calculés par le serveur sur toutes les organisations du territoire, en agrégats : aucun ménage n’y est nommé ni listé.'
          : 'Chiffres calculés par le serveur sur les logements de votre organisation : ceux mis à disposition, les propositions et les relogements qu’y ont faits toutes les organisations du territoire (MOUS, bailleurs), en agrégats : aucun ménage n’y est nommé ni listé.'}{' '}
        Ce rapport demande le réseau.
      </p>
      <FormulaireFiltres etat={filtres} choix={choix} imprimable={recu !== null && erreurPeriode === null} />
      {erreurPeriode === null && etat.genre === 'calcul' && <EnChargement>Calcul en cours…</EnChargement>}
      {erreurPeriode === null && etat.genre === 'echec' && (
        <>
          <div class="panneau ne-pas-imprimer">
            <p class="erreur" role="alert">
              {etat.message}
            </p>
            <button type="button" class="bouton" onClick={() => setEssai(essai + 1)}>
              Réessayer
            </button>
          </div>
          {precedent && <DernierRapport recu={precedent} />}
        </>
      )}
      {erreurPeriode === null && recu && (
        <>
          <EnteteRapport contexte={contexte} />
          <CorpsRapport rapport={recu.reponse} />
          {contexteBilan && (
            <BilanAnnuel
              annee={annee}
              tableaux={recu.reponse.tableaux.filter((t) => CODES_BILAN.has(t.code))}
              bilan={contexteBilan.bilansAnnuels.find((b) => !b.supprime && b.annee === annee)}
              droits={contexteBilan.droitsBilan}
              organisation={contexteBilan.organisation}
              bailleurs={contexteBilan.bailleurs}
              jour={jour}
              note="Ce que vous saisissez est gardé sur la tablette puis envoyé au serveur à la synchronisation ; les tableaux ci-dessus, calculés par le serveur, le comptent ensuite."
            />
          )}
          <Exports tableaux={[tableauDesChiffres(recu.reponse), ...recu.reponse.tableaux]} contexte={contexte} periode={periode} />
        </>
      )}
    </div>
  );
}
