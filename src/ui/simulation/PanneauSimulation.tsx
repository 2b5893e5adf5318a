import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CHAMPS_LOGEMENT,
  LIBELLES_CHAMP_LOGEMENT,
  ZONES_APL,
  entreeDepuisSaisie,
  estimerAplApres,
  formatEuros,
  logementOffreDe,
  parseNombreFr,
  saisieVide,
  simuler,
} from '../../domain/index.ts';
import type {
  ContexteSimulation,
  EntreeSimulation,
  MenageSimule,
  Offre,
  Personne,
  PosteQuittancable,
  Reponse,
  ResultatSimulation,
  SaisieLogement,
  ZoneApl,
} from '../../domain/index.ts';
import { TableauAvantApres, type AplAffichee } from './TableauAvantApres.tsx';

// The simulation of one household: pick an offer or type a dwelling, adjust any figure ("what
// if the rent were 30 € lower"), see the table recomputed at each keystroke. The figures typed
// here never change the stored offer; "Enregistrer" keeps them on the household.

export type DonneesPanneau = {
  date: string;
  menage: MenageSimule;
  manques: readonly string[];
  avant: SaisieLogement;
  notesAvant: readonly string[];
  reponses: Readonly<Record<string, Reponse>>;
  personnes: readonly Personne[];
  offres: readonly Offre[];
  contexte: ContexteSimulation | null;
};

export type SimulationAEnregistrer = { offreId: string | null; libelle: string; entree: EntreeSimulation };

const FINANCEMENTS_SOCIAUX = new Set(['PLAI', 'PLUS', 'PLS']);
export const libelleOffre = (o: Offre) =>
  [o.typologie, o.adresse, o.commune, o.bailleur].filter(Boolean).join(' — ') || 'Offre sans adresse';

function Logement({
  cote,
  titre,
  saisie,
  erreurs,
  changer,
  aideApl,
}: {
  cote: 'avant' | 'apres';
  titre: string;
  saisie: SaisieLogement;
  erreurs: ReadonlyMap<string, string>;
  changer: (champ: keyof SaisieLogement, valeur: string) => void;
  aideApl?: string | undefined;
}) {
  return (
    <fieldset class="fiche logement-simule">
      <legend>{titre}</legend>
      <div class="grille-simulation">
        {CHAMPS_LOGEMENT.map((champ) => {
          const id = `${cote}-${champ}`;
          const message = erreurs.get(`${cote}.${champ}`);
          const aide = champ === 'apl' && aideApl ? aideApl : null;
          return (
            <div class={`champ${message ? ' en-erreur' : ''}`} key={champ}>
              <label for={id}>{LIBELLES_CHAMP_LOGEMENT[champ]}</label>
              <input
                id={id}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={saisie[champ]}
                aria-invalid={message ? true : undefined}
                aria-describedby={[message ? `${id}-erreur` : '', aide ? `${id}-aide` : ''].filter(Boolean).join(' ') || undefined}
                onInput={(e) => changer(champ, (e.currentTarget as HTMLInputElement).value)}
              />
              {aide && (
                <p id={`${id}-aide`} class="aide">
                  {aide}
                </p>
              )}
              {message && (
                <p id={`${id}-erreur`} class="erreur">
                  {message}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

const POSTES_IMPRIMES: readonly [PosteQuittancable, string][] = [
  ['eau', 'Eau froide'],
  ['eauChaude', 'Eau chaude'],
  ['chauffage', 'Chauffage'],
];

/**
 * The figures the simulation used, for the printed sheet (the fields themselves are not printed):
 * each line is the amount counted (the FSL lump sum when it stood for a charge), so a partner can
 * add the lines up to the reste à charge by hand.
 */
function ChiffresRetenus({ entree, resultat }: { entree: EntreeSimulation; resultat: ResultatSimulation }) {
  const charges = POSTES_IMPRIMES.map(([poste, libelle]) => {
    const c = resultat.detail.charges.find((x) => x.poste === poste);
    return {
      libelle: c?.source === 'forfait' ? `${libelle} (forfait FSL)` : `${libelle} (quittance)`,
      avant: c?.avant ?? 0,
      apres: c?.apres ?? 0,
    };
  });
  const lignes = [
    { libelle: 'Loyer', avant: entree.avant.loyer, apres: entree.apres.loyer },
    { libelle: 'Charges générales', avant: entree.avant.chargesGenerales, apres: entree.apres.chargesGenerales },
    ...charges,
    { libelle: 'APL déduite', avant: -entree.avant.apl, apres: -entree.apres.apl },
  ];
  const pieces = (l: EntreeSimulation['avant']) => (l.pieces === null ? 'non renseigné' : String(l.pieces));
  return (
    <table class="impression-seule chiffres-retenus">
      <caption>
        Chiffres retenus ({entree.occupants} occupant{entree.occupants > 1 ? 's' : ''})
      </caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">Logement actuel</th>
          <th scope="col">Logement proposé</th>
        </tr>
      </thead>
      <tbody>
        {lignes.map((l) => (
          <tr key={l.libelle}>
            <th scope="row">{l.libelle}</th>
            <td>{formatEuros(l.avant)}</td>
            <td>{formatEuros(l.apres)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total : reste à charge</th>
          <td>{formatEuros(resultat.avant.resteACharge)}</td>
          <td>{formatEuros(resultat.apres.resteACharge)}</td>
        </tr>
        <tr>
          <th scope="row">Pièces</th>
          <td>{pieces(entree.avant)}</td>
          <td>{pieces(entree.apres)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * A figure's error is shown once the officer typed in its field, or when it holds a value: an
 * empty field nobody touched yet is not a mistake.
 */
function erreursAMontrer(
  lecture: ReturnType<typeof entreeDepuisSaisie>,
  touches: ReadonlySet<string>,
  saisies: { avant: SaisieLogement; apres: SaisieLogement },
): Map<string, string> {
  if (lecture.ok) return new Map();
  const rempli = (champ: string) => {
    const [cote, nom] = champ.split('.') as ['avant' | 'apres', keyof SaisieLogement];
    return (saisies[cote]?.[nom] ?? '').trim() !== '';
  };
  return new Map(lecture.erreurs.filter((e) => touches.has(e.champ) || rempli(e.champ)).map((e) => [e.champ, e.message]));
}

export function PanneauSimulation({
  donnees,
  offreInitiale = null,
  enregistrer,
  surChoixOffre,
}: {
  donnees: DonneesPanneau;
  offreInitiale?: string | null;
  enregistrer?: (s: SimulationAEnregistrer) => Promise<void>;
  /** Told of the offer chosen, so the address keeps it. */
  surChoixOffre?: (offreId: string | null) => void;
}) {
  const { date, menage, contexte } = donnees;
  const offreDe = (id: string | null) => donnees.offres.find((o) => o.id === id) ?? null;
  const [offreId, setOffreId] = useState<string | null>(offreInitiale);
  const [avant, setAvant] = useState<SaisieLogement>(donnees.avant);
  const [apres, setApres] = useState<SaisieLogement>(
    () => (offreDe(offreInitiale) && logementOffreDe(offreDe(offreInitiale) as Offre)) || saisieVide(),
  );
  const [zone, setZone] = useState<ZoneApl | null>(offreDe(offreInitiale)?.zoneApl ?? null);
  const [social, setSocial] = useState<boolean>(true);
  const [etat, setEtat] = useState<string | null>(null);
  const [touches, setTouches] = useState<ReadonlySet<string>>(new Set());
  const toucher = (champ: string) => setTouches((t) => (t.has(champ) ? t : new Set([...t, champ])));

  const choisir = (id: string | null) => {
    const offre = offreDe(id);
    setOffreId(id);
    setApres((offre && logementOffreDe(offre)) || saisieVide());
    setTouches((t) => new Set([...t].filter((c) => !c.startsWith('apres.'))));
    setZone(offre?.zoneApl ?? zone);
    if (offre?.financement) setSocial(FINANCEMENTS_SOCIAUX.has(offre.financement));
    setEtat(null);
  };
  const choisirEtNoter = (id: string | null) => {
    choisir(id);
    surChoixOffre?.(id);
  };
  // An offer chosen from elsewhere (a link of the ranking) while the screen is open.
  useEffect(() => {
    if (offreInitiale !== offreId) choisir(offreInitiale);
    // Only a change of the address matters here: the offer picked in the list is already shown.
  }, [offreInitiale]);
  const offre = offreDe(offreId);
  const incomplete = offre !== null && logementOffreDe(offre) === null;

  const nombre = (t: string) => parseNombreFr(t.trim());
  const loyerApres = nombre(apres.loyer);
  const estimation = useMemo(
    () =>
      apres.apl.trim() === '' && loyerApres !== null
        ? estimerAplApres({
            date,
            zone,
            bailleurSocial: social,
            loyerApres,
            loyerAvant: nombre(avant.loyer),
            aplAvant: nombre(avant.apl),
            reponses: donnees.reponses,
            personnes: donnees.personnes,
          })
        : null,
    [apres.apl, loyerApres, zone, social, avant.loyer, avant.apl, date, donnees.reponses, donnees.personnes],
  );
  const lecture = useMemo(
    () => entreeDepuisSaisie(menage, date, avant, apres, estimation?.ok ? estimation.montant : null),
    [menage, date, avant, apres, estimation],
  );
  const resultat = useMemo(() => (lecture.ok && contexte ? simuler(lecture.entree, contexte) : null), [lecture, contexte]);
  const erreurs = erreursAMontrer(lecture, touches, { avant, apres });
  const apl: AplAffichee = estimation?.ok ? { estimee: true, explication: estimation.explication, remarques: estimation.remarques } : null;
  const aideApl =
    apres.apl.trim() !== ''
      ? 'APL saisie.'
      : estimation === null
        ? 'Laissez vide pour l’estimer.'
        : estimation.ok
          ? `Vide : APL estimée à ${new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(estimation.montant)}.`
          : estimation.message;

  const changerAvant = (champ: keyof SaisieLogement, v: string) => {
    toucher(`avant.${champ}`);
    setAvant((s) => ({ ...s, [champ]: v }));
  };
  const changerApres = (champ: keyof SaisieLogement, v: string) => {
    toucher(`apres.${champ}`);
    setApres((s) => ({ ...s, [champ]: v }));
  };
  const sauver = async () => {
    if (!lecture.ok || !enregistrer) return;
    setEtat('Enregistrement…');
    await enregistrer({ offreId, libelle: offre ? libelleOffre(offre) : 'Logement saisi', entree: lecture.entree });
    setEtat('Simulation enregistrée sur le ménage.');
  };

  return (
    <div class="panneau-simulation">
      {donnees.manques.length > 0 && (
        <ul class="erreur">
          {donnees.manques.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div class="saisie-simulation">
        <div class="grille-champs">
          <div class="champ">
            <label for="simulation-offre">Logement proposé</label>
            <select id="simulation-offre" value={offreId ?? ''} onChange={(e) => choisirEtNoter(e.currentTarget.value || null)}>
              <option value="">Logement saisi à la main</option>
              {donnees.offres.map((o) => (
                <option key={o.id} value={o.id}>
                  {libelleOffre(o)}
                </option>
              ))}
            </select>
            {incomplete && <p class="erreur">Cette offre est incomplète : complétez sa fiche ou saisissez le logement ci-dessous.</p>}
          </div>
          <div class="champ">
            <label for="simulation-zone">Zone APL du logement proposé</label>
            <select
              id="simulation-zone"
              value={zone ?? ''}
              onChange={(e) => setZone(e.currentTarget.value ? (Number(e.currentTarget.value) as ZoneApl) : null)}
            >
              <option value="">Inconnue</option>
              {ZONES_APL.map((z) => (
                <option key={z} value={z}>
                  Zone {z}
                </option>
              ))}
            </select>
          </div>
          <label class="option case" for="simulation-social">
            <input
              id="simulation-social"
              type="checkbox"
              checked={social}
              onChange={(e) => setSocial((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>Logement social conventionné (APL, RLS)</span>
          </label>
        </div>
        {donnees.notesAvant.map((n) => (
          <p key={n} class="aide">
            {n}
          </p>
        ))}
        <div class="deux-logements">
          <Logement cote="avant" titre="Logement actuel" saisie={avant} erreurs={erreurs} changer={changerAvant} />
          <Logement cote="apres" titre="Logement proposé" saisie={apres} erreurs={erreurs} changer={changerApres} aideApl={aideApl} />
        </div>
        {offre && !incomplete && (
          <button type="button" class="bouton discret" onClick={() => choisir(offre.id)}>
            Rétablir les valeurs de l’offre
          </button>
        )}
        <p class="aide">Les chiffres modifiés ici servent à la simulation seulement : la fiche de l’offre ne change pas.</p>
      </div>
      <section class="panneau" aria-labelledby="titre-resultat" aria-live="polite">
        <h2 id="titre-resultat">Résultat</h2>
        {!contexte && <p class="erreur">Aucun barème FSL ne couvre cette date : faites saisir le barème dans les paramètres.</p>}
        {!lecture.ok &&
          (erreurs.size > 0 ? (
            <p class="erreur">Simulation non calculée : corrigez les chiffres signalés ({erreurs.size}).</p>
          ) : (
            <p class="aide">
              Choisissez une offre ou complétez les chiffres des deux logements : le résultat s’affiche dès qu’ils sont complets.
            </p>
          ))}
        {resultat && lecture.ok && <ChiffresRetenus entree={lecture.entree} resultat={resultat} />}
        {resultat && lecture.ok && (
          <TableauAvantApres
            resultat={resultat}
            apl={apl}
            surfaces={{ avant: lecture.entree.avant.surface, apres: lecture.entree.apres.surface }}
          />
        )}
      </section>
      <div class="actions">
        {enregistrer && (
          <button type="button" class="bouton principal" disabled={!resultat} onClick={() => void sauver()}>
            Enregistrer la simulation
          </button>
        )}
        <button type="button" class="bouton" disabled={!resultat} onClick={() => window.print()}>
          Imprimer la fiche
        </button>
        {etat && <p role="status">{etat}</p>}
      </div>
    </div>
  );
}
