import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { GenreCode } from '../../domain/index.ts';
import { ESSAIS_AVANT_OUBLI, choisirCode, deverrouiller, etatCode } from '../../data/index.ts';
import type { EtatCode, RelogementDb, Session } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampsNouveauCode, attributsSaisie, useNouveauCode } from './NouveauCode.tsx';
import { differe } from '../commun/differe.tsx';

// The lock screen (docs/chiffrement.md): at the first start the officer chooses her code; then it
// is asked at every start and after the idle time. After ten wrong codes the data is forgotten:
// she types her code if it comes back, or logs in again and chooses a new one.

function useFocusInitial() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ChoisirCode(props: {
  titre: string;
  children: ComponentChildren;
  enregistrer: (code: string, genre: GenreCode) => Promise<void>;
  onOuvert: () => void;
}) {
  const etat = useNouveauCode();
  const [general, setGeneral] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const champ = useFocusInitial();

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!etat.verifier()) return;
    setEnvoi(true);
    try {
      await props.enregistrer(etat.code, etat.genre);
      props.onOuvert();
    } catch (err) {
      setGeneral(err instanceof Error ? err.message : 'Le code n’a pas pu être enregistré.');
      setEnvoi(false);
    }
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-verrou" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-verrou">{props.titre}</h1>
      {props.children}
      <ChampsNouveauCode etat={etat} champ={champ} />
      {general && (
        <p class="erreur" role="alert">
          {general}
        </p>
      )}
      {envoi && <p role="status">Chiffrement des données de la tablette…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Enregistrer le code
      </button>
    </form>
  );
}

function message(etat: EtatCode): string | null {
  if (etat.oublie) {
    return `Après ${ESSAIS_AVANT_OUBLI} codes erronés, les données de cette tablette ont été effacées. Les modifications qui n’étaient pas encore envoyées restent chiffrées par votre code : saisi ici, il les retrouve, et elles partiront à la prochaine synchronisation, après connexion.`;
  }
  if (etat.essaisRestants >= ESSAIS_AVANT_OUBLI) return null;
  return `Code incorrect. ${etat.essaisRestants > 1 ? `Encore ${etat.essaisRestants} essais` : 'Dernier essai'} avant l’effacement des données de cette tablette.`;
}

function SaisirCode({ db, etat, onOuvert }: { db: RelogementDb; etat: EtatCode; onOuvert: () => void }) {
  const [code, setCode] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const champ = useFocusInitial();
  const avertissement = message(etat);

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!code) return;
    setEnvoi(true);
    performance.mark('code-saisi');
    const resultat = await deverrouiller(db, code);
    if (resultat.ouvert) return onOuvert();
    setCode('');
    setEnvoi(false);
    champ.current?.focus();
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-verrou" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-verrou">{etat.oublie ? 'Données de la tablette effacées' : 'Application verrouillée'}</h1>
      {!etat.oublie && (
        <p class="aide">
          Saisissez votre {etat.genre === 'chiffres' ? 'code' : 'phrase de passe'} pour reprendre là où vous en étiez : rien de ce qui a été
          saisi n’est perdu.
        </p>
      )}
      {avertissement && (
        <p id="verrou-avertissement" class="erreur" role="alert">
          {avertissement}
        </p>
      )}
      <div class="champ">
        <label for="verrou-code">{etat.genre === 'chiffres' ? 'Code' : 'Phrase de passe'}</label>
        <input
          ref={champ}
          id="verrou-code"
          type="password"
          {...attributsSaisie(etat.genre)}
          value={code}
          aria-describedby={avertissement ? 'verrou-avertissement' : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </div>
      {envoi && <p role="status">Vérification du code…</p>}
      <button type="submit" class="bouton principal" disabled={envoi}>
        Déverrouiller
      </button>
    </form>
  );
}

/** Shown only after the ten-code erase, with what setting the old changes aside needs: not part of the first screen. */
const chargerReconnexion = () => import('./Reconnexion.tsx');
const Reconnexion = differe(chargerReconnexion);

/** After the ten-code erase: the old code, or a new login then a new code; never a dead end. */
function ApresEffacement({
  db,
  moteur,
  etat,
  onOuvert,
}: {
  db: RelogementDb;
  moteur: MoteurSync | null;
  etat: EtatCode;
  onOuvert: () => void;
}) {
  const [session, setSession] = useState<Session | null>(null);
  if (!session)
    return (
      <>
        <SaisirCode db={db} etat={etat} onOuvert={onOuvert} />
        <Reconnexion db={db} onConnectee={setSession} />
      </>
    );
  return (
    <ChoisirCode
      titre="Choisissez un nouveau code"
      onOuvert={onOuvert}
      enregistrer={async (code, genre) => (await chargerReconnexion()).repartirAvecSession(db, moteur, session, code, genre)}
    >
      <p class="aide">
        Connexion réussie. Ce nouveau code chiffrera les données de cette tablette. Les modifications non envoyées restent gardées à part,
        chiffrées par l’ancien code : Paramètres › Verrouillage de la tablette propose de les retrouver en le saisissant.
      </p>
    </ChoisirCode>
  );
}

/** The lock screen: chooses the first code, or asks for it. */
export function EcranVerrou({ db, moteur = null, onOuvert }: { db: RelogementDb; moteur?: MoteurSync | null; onOuvert: () => void }) {
  const etat = useLive(() => etatCode(db), [db]);
  useEffect(() => {
    document.title = 'Application verrouillée — Relogement';
  }, []);
  if (etat === undefined) return <p class="chargement">Chargement…</p>;
  return (
    <main id="contenu" class="ecran-verrou">
      {etat === null ? (
        <ChoisirCode titre="Choisissez votre code" onOuvert={onOuvert} enregistrer={(code, genre) => choisirCode(db, code, genre)}>
          <p class="aide">
            Les données des ménages sont chiffrées sur cette tablette. Ce code les déverrouille à chaque démarrage et après une période
            d’inactivité. Ne le notez pas sur la tablette : sans lui, les données ne peuvent pas être lues. Après {ESSAIS_AVANT_OUBLI} codes
            erronés, la tablette efface ses données.
          </p>
        </ChoisirCode>
      ) : etat.oublie ? (
        <ApresEffacement db={db} moteur={moteur} etat={etat} onOuvert={onOuvert} />
      ) : (
        <SaisirCode db={db} etat={etat} onOuvert={onOuvert} />
      )}
    </main>
  );
}
