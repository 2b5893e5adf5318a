import { differenceInHours, format, formatDistanceStrict, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { useEffect, useState } from 'preact/hooks';
import type { DevicesResponse } from '../../sync/index.ts';
import { useMoteur } from '../commun/contexte.ts';

// The organisation's tablets by their last successful sync, the longest silent first (docs/sync.md,
// « Suivi des tablettes »): a tablet silent for days with changes waiting is work at risk of being
// lost. An encadrant declares here a tablet lost or a user gone: the tablets concerned erase their
// data at their next contact with the server, and the list shows when they did.

type Appareil = DevicesResponse['devices'][number];

/** Silent for longer than this, a tablet is flagged. */
const SILENCE_HEURES = 48;
const nombre = new Intl.NumberFormat('fr-FR');
const mo = (octets: number) => `${nombre.format(Math.round(octets / 1_000_000))} Mo`;
const ERREURS: Record<NonNullable<Appareil['report']['lastError']>, string> = {
  reseau: 'réseau injoignable',
  serveur: 'erreur du serveur',
  connexion: 'session expirée',
  version: 'mise à jour requise',
  trop_gros: 'envoi trop volumineux',
  refus: 'modifications refusées',
};

function aSurveiller(a: Appareil, maintenant: Date): boolean {
  return (
    differenceInHours(maintenant, parseISO(a.report.syncedAt)) >= SILENCE_HEURES ||
    a.report.failuresSinceLastSuccess > 0 ||
    a.report.refused > 0
  );
}

const jourHeure = (iso: string) => format(parseISO(iso), "d MMMM yyyy 'à' HH:mm", { locale: fr });

/** Where the erasure ordered for this tablet stands: asked, then received by the tablet. */
function etatEffacement(w: NonNullable<Appareil['wipe']>): string {
  const pourquoi = w.reason === 'perdue' ? 'tablette déclarée perdue' : 'utilisateur parti';
  return w.deliveredAt
    ? `Effacée le ${jourHeure(w.deliveredAt)} (${pourquoi})`
    : `Effacement demandé le ${jourHeure(w.requestedAt)} (${pourquoi}) : la tablette s’effacera à sa prochaine connexion au serveur.`;
}

type Declaration = 'perdue' | 'depart';
const CONFIRMATIONS: Record<Declaration, (a: Appareil) => string> = {
  perdue: (a) =>
    `Déclarer perdue la tablette ${a.deviceId.slice(0, 6)} de ${a.user.name} ? Sa session est fermée et, à sa prochaine connexion au serveur, elle effacera toutes ses données. Les modifications qu’elle n’a pas envoyées seront perdues.`,
  depart: (a) =>
    `Déclarer le départ de ${a.user.name} ? Son compte est fermé et chacune de ses tablettes effacera toutes ses données à sa prochaine connexion au serveur.`,
};

function Actions({ appareil: a, declarer }: { appareil: Appareil; declarer: (quoi: Declaration, a: Appareil) => Promise<void> }) {
  const [demande, setDemande] = useState<Declaration | null>(null);
  const [enCours, setEnCours] = useState(false);
  if (demande) {
    return (
      <div role="group" aria-label="Confirmation">
        <p>{CONFIRMATIONS[demande](a)}</p>
        <div class="actions">
          <button
            type="button"
            class="bouton danger"
            disabled={enCours}
            onClick={() => {
              setEnCours(true);
              void declarer(demande, a).finally(() => {
                setEnCours(false);
                setDemande(null);
              });
            }}
          >
            Confirmer
          </button>
          <button type="button" class="bouton" disabled={enCours} onClick={() => setDemande(null)}>
            Annuler
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="actions">
      {!a.wipe?.deliveredAt && (
        <button type="button" class="bouton" onClick={() => setDemande('perdue')}>
          Déclarer perdue
        </button>
      )}
      {!a.user.disabled && (
        <button type="button" class="bouton" onClick={() => setDemande('depart')}>
          Utilisateur parti
        </button>
      )}
    </div>
  );
}

function Ligne({
  appareil: a,
  maintenant,
  declarer,
}: {
  appareil: Appareil;
  maintenant: Date;
  declarer: (quoi: Declaration, a: Appareil) => Promise<void>;
}) {
  const r = a.report;
  const decalage =
    Math.abs(r.clockOffsetMs) >= 60_000 ? ` · horloge décalée de ${formatDistanceStrict(0, r.clockOffsetMs, { locale: fr })}` : '';
  return (
    <tr class={aSurveiller(a, maintenant) ? 'a-surveiller' : undefined}>
      <td>
        {a.user.name}
        <br />
        <span class="aide">
          {a.user.email} · tablette {a.deviceId.slice(0, 6)}
          {a.user.disabled ? ' · compte fermé' : ''}
        </span>
      </td>
      <td>
        {jourHeure(r.syncedAt)}
        <br />
        <span class="aide">il y a {formatDistanceStrict(parseISO(r.syncedAt), maintenant, { locale: fr })}</span>
      </td>
      <td>{nombre.format(r.pending)}</td>
      <td>{nombre.format(r.refused)}</td>
      <td>
        {r.failuresSinceLastSuccess > 0
          ? `${nombre.format(r.failuresSinceLastSuccess)} (${r.lastError ? ERREURS[r.lastError] : 'inconnue'})`
          : 'aucun'}
        {decalage}
      </td>
      <td>
        {r.storage.persisted ? 'protégé' : 'non protégé'}
        {r.storage.usage !== null && r.storage.quota !== null ? ` · ${mo(r.storage.usage)} / ${mo(r.storage.quota)}` : ''}
      </td>
      <td>
        {a.wipe && <p>{etatEffacement(a.wipe)}</p>}
        <Actions appareil={a} declarer={declarer} />
      </td>
    </tr>
  );
}

/** For encadrants and administrateurs: needs the network, says so when it is missing. */
export default function Appareils() {
  const moteur = useMoteur();
  const [appareils, setAppareils] = useState<Appareil[] | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const charger = () => {
    moteur?.api.appareils().then(
      (r) => {
        setAppareils(r.devices);
        setErreur(null);
      },
      (e: unknown) => setErreur(e instanceof Error ? e.message : 'Liste des tablettes indisponible.'),
    );
  };
  useEffect(charger, [moteur]);
  const declarer = async (quoi: Declaration, a: Appareil) => {
    try {
      await (quoi === 'perdue' ? moteur?.api.declarerPerdue(a.user.id, a.deviceId) : moteur?.api.declarerDepart(a.user.id));
      charger();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : 'Déclaration impossible.');
    }
  };
  const maintenant = new Date();
  const surveiller = appareils?.filter((a) => aSurveiller(a, maintenant)).length ?? 0;
  return (
    <section class="panneau" aria-labelledby="titre-appareils">
      <h2 id="titre-appareils">Tablettes de l’organisation</h2>
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
      {appareils && appareils.length === 0 && <p>Aucune tablette n’a encore synchronisé.</p>}
      {appareils && appareils.length > 0 && (
        <>
          <p role="status">
            {surveiller > 0
              ? `${nombre.format(surveiller)} tablette${surveiller > 1 ? 's' : ''} à surveiller : silencieuse depuis plus de ${SILENCE_HEURES} heures, en échec ou avec des modifications refusées.`
              : 'Toutes les tablettes ont synchronisé récemment.'}
          </p>
          {/* Wider than an upright tablet: the table scrolls within its frame, never the page. */}
          <div class="defile-tableau" tabIndex={0} role="region" aria-label="Tablettes de l’organisation (défile horizontalement)">
            <table class="appareils">
              <caption>Dernière synchronisation réussie de chaque tablette, la plus ancienne d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Utilisateur</th>
                  <th scope="col">Dernière synchronisation</th>
                  <th scope="col">Modifications en attente</th>
                  <th scope="col">Refusées</th>
                  <th scope="col">Échecs depuis</th>
                  <th scope="col">Stockage</th>
                  <th scope="col">Perte ou départ</th>
                </tr>
              </thead>
              <tbody>
                {appareils.map((a) => (
                  <Ligne key={`${a.deviceId}/${a.user.email}`} appareil={a} maintenant={maintenant} declarer={declarer} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <button type="button" class="bouton" disabled={!moteur} onClick={charger}>
        Actualiser
      </button>
    </section>
  );
}
