import { LIBELLES_STATUT, LIBELLES_TYPE_MENAGE, STATUTS_MENAGE, TYPES_MENAGE } from '../../domain/index.ts';
import type { Menage, StatutMenage, TypeMenage } from '../../domain/index.ts';
import { entretiensDuMenage, lireMenage, modifierMenage, ouvrirEntretien, personnesDuMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { dateLongue } from '../commun/dates.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { Occupants } from './Occupants.tsx';
import { ChoixSuivi } from './Suivi.tsx';
import { Consentement } from './Consentement.tsx';
import { Conflits } from '../synchro/Conflits.tsx';
import { RefuseesDuMenage } from '../synchro/RefuseesDuMenage.tsx';
import { SuiviMenage } from '../suivi/SuiviMenage.tsx';
import { LienDossier } from '../dossier/LienDossier.tsx';
import { ChangementsSituation } from './ChangementsSituation.tsx';
import { DonneesDetenues } from './DonneesDetenues.tsx';
import { PositionsDuMenage } from '../offres-partagees/PositionsDuMenage.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

function Identite({ menage }: { menage: Menage }) {
  const db = useBase();
  const maj = (modif: Partial<Menage>) => modifierMenage(db, menage.id, modif);
  const texte = (champ: 'nom' | 'reference' | 'adresse' | 'logement' | 'telephone', libelle: string, genre: 'texte' | 'tel' = 'texte') => (
    <ChampSaisie
      id={`menage-${champ}`}
      libelle={libelle}
      genre={genre}
      valeur={menage[champ]}
      enregistrer={(v) => maj({ [champ]: v })}
      verifier={
        champ === 'nom' ? (v) => (v.trim() ? { ok: true } : { ok: false, message: 'Le nom du ménage est obligatoire.' }) : undefined
      }
    />
  );
  return (
    <section aria-labelledby="titre-identite" class="panneau">
      <h2 id="titre-identite">Ménage</h2>
      <div class="grille-champs">
        {texte('nom', 'Nom du ménage')}
        {texte('reference', 'Référence')}
        {texte('adresse', 'Adresse')}
        {texte('logement', 'Logement (bâtiment, étage, porte)')}
        {texte('telephone', 'Téléphone', 'tel')}
        <ChoixSuivi menage={menage} champ="referentId" libelle="Référent" />
        <ChoixSuivi menage={menage} champ="binomeId" libelle="Binôme" />
        <div class="champ">
          <label for="menage-type">Situation</label>
          <select id="menage-type" value={menage.type} onChange={(e) => void maj({ type: e.currentTarget.value as TypeMenage })}>
            {TYPES_MENAGE.map((t) => (
              <option key={t} value={t}>
                {LIBELLES_TYPE_MENAGE[t]}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="menage-statut">Étape du relogement</label>
          <select id="menage-statut" value={menage.statut} onChange={(e) => void maj({ statut: e.currentTarget.value as StatutMenage })}>
            {STATUTS_MENAGE.map((s) => (
              <option key={s} value={s}>
                {LIBELLES_STATUT[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="aide">
        Dernier contact : {menage.dernierContact ? dateLongue(menage.dernierContact) : 'aucun noté'}{' '}
        <button type="button" class="bouton discret" onClick={() => void maj({ dernierContact: aujourdhui() })}>
          Noter un contact aujourd’hui
        </button>
      </p>
    </section>
  );
}

export default function MenageScreen({ id }: { id: string }) {
  const db = useBase();
  const donnees = useLive(async () => {
    const [menage, personnes, entretiens] = await Promise.all([lireMenage(db, id), personnesDuMenage(db, id), entretiensDuMenage(db, id)]);
    return { menage, personnes, entretiens };
  }, [db, id]);
  if (!donnees) return <EnChargement titre={ECRANS.menage.titre}>Chargement du ménage…</EnChargement>;
  const { menage, personnes, entretiens } = donnees;
  if (!menage || menage.supprime)
    return (
      <p class="erreur">
        Ce ménage n’existe pas sur cette tablette. <a href={lien.menages()}>Retour à la liste</a>
      </p>
    );
  const enCours = entretiens.find((e) => e.statut === 'brouillon');
  const demarrer = async () => naviguer(lien.entretien((await ouvrirEntretien(db, id, aujourdhui())).id));

  return (
    <div class="ecran-menage">
      <p class="retour">
        <a href={lien.menages()}>← Mes ménages</a>
      </p>
      <h1>{menage.nom || 'Ménage sans nom'}</h1>
      <RefuseesDuMenage menageId={id} />
      <Conflits menageId={id} />
      <Identite menage={menage} />
      <section aria-labelledby="titre-entretiens" class="panneau">
        <h2 id="titre-entretiens">Entretiens</h2>
        <button type="button" class="bouton principal" onClick={() => void demarrer()}>
          {enCours
            ? 'Reprendre l’entretien en cours'
            : entretiens.length > 0
              ? 'Nouvel entretien de suivi'
              : 'Commencer le premier entretien'}
        </button>
        {entretiens.length > 0 && (
          <ul class="historique">
            {entretiens.map((e) => (
              <li key={e.id}>
                <a href={lien.entretien(e.id)}>
                  {e.type === 'premier' ? 'Premier entretien' : 'Entretien de suivi'} du {dateLongue(e.date)} —{' '}
                  {e.statut === 'termine' ? 'terminé' : 'en cours'}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SuiviMenage menage={menage} />
      <PositionsDuMenage menageId={id} />
      <LienDossier menageId={id} />
      <p>
        <a class="bouton" href={lien.propositions(id)}>
          Orientation et propositions
        </a>
      </p>
      <p>
        <a class="bouton" href={lien.simulation(id)}>
          Simuler
        </a>
      </p>
      <section aria-labelledby="titre-occupants" class="panneau">
        <h2 id="titre-occupants">Occupants</h2>
        <Occupants menageId={id} personnes={personnes} />
      </section>
      <ChangementsSituation menageId={id} personnes={personnes} />
      <section aria-labelledby="titre-consentement" class="panneau">
        <h2 id="titre-consentement">Consentement</h2>
        <Consentement menage={menage} />
      </section>
      <DonneesDetenues menageId={id} nom={menage.nom} />
    </div>
  );
}
