import { useState } from 'preact/hooks';
import { verifierDate } from '../../domain/index.ts';
import { creerOperation, creerResidence } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useRole } from '../commun/role.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { proposesReferenceData } from '../../sync/index.ts';

type Erreurs = Partial<Record<'operation' | 'nom' | 'dateOuverture' | 'datePcdid' | 'general', string>>;

/**
 * A building opened to relocation, and its renewal operation: the frame every household hangs on.
 * A chargée proposes it: households can live in it at once, an encadrant validates it later.
 */
export function NouvelleResidence() {
  const db = useBase();
  const propose = proposesReferenceData(useRole());
  const brouillon = useBrouillon(
    'nouvelle-residence',
    { operation: '', nom: '', adresse: '', commune: '', dateOuverture: aujourdhui(), datePcdid: '' },
    () => null,
  );
  const saisie = brouillon.valeurs;
  const [erreurs, setErreurs] = useState<Erreurs>({});
  const [message, setMessage] = useState<string | null>(null);
  const champ = (cle: keyof typeof saisie, libelle: string, type = 'text') => (
    <div class={`champ${erreurs[cle as keyof Erreurs] ? ' en-erreur' : ''}`}>
      <label for={`residence-${cle}`}>{libelle}</label>
      <input
        id={`residence-${cle}`}
        type={type}
        value={saisie[cle]}
        onInput={(e) => brouillon.changer(cle, e.currentTarget.value)}
        aria-invalid={erreurs[cle as keyof Erreurs] ? true : undefined}
        aria-describedby={erreurs[cle as keyof Erreurs] ? `residence-${cle}-erreur` : undefined}
      />
      {erreurs[cle as keyof Erreurs] && (
        <p id={`residence-${cle}-erreur`} class="erreur" role="alert">
          {erreurs[cle as keyof Erreurs]}
        </p>
      )}
    </div>
  );
  const valider = async (e: Event) => {
    e.preventDefault();
    const date = verifierDate(saisie.dateOuverture);
    const pcdid = saisie.datePcdid === '' ? null : verifierDate(saisie.datePcdid);
    const trouvees: Erreurs = {
      ...(saisie.operation.trim() ? {} : { operation: 'Indiquez le nom de l’opération de renouvellement.' }),
      ...(saisie.nom.trim() ? {} : { nom: 'Indiquez le nom de la résidence.' }),
      ...(date.ok ? {} : { dateOuverture: date.message }),
      ...(pcdid === null || pcdid.ok ? {} : { datePcdid: pcdid.message }),
    };
    setErreurs(trouvees);
    if (Object.keys(trouvees).length > 0) return;
    const operation = await creerOperation(db, {
      nom: saisie.operation.trim(),
      commune: saisie.commune.trim(),
      territoire: '',
      datePcdid: saisie.datePcdid || null,
    });
    const residence = await creerResidence(db, {
      operationId: operation.id,
      nom: saisie.nom.trim(),
      adresse: saisie.adresse.trim(),
      commune: saisie.commune.trim(),
      bailleur: '',
      dateOuverture: saisie.dateOuverture,
    });
    setMessage(
      propose
        ? `Résidence « ${residence.nom} » proposée : vous pouvez déjà y créer des ménages ; un encadrant la validera ou la rattachera à une résidence existante.`
        : `Résidence « ${residence.nom} » ajoutée.`,
    );
    await brouillon.effacer({
      operation: saisie.operation,
      nom: '',
      adresse: '',
      commune: saisie.commune,
      dateOuverture: aujourdhui(),
      datePcdid: saisie.datePcdid,
    });
  };
  return (
    <form class="panneau" aria-labelledby="titre-residence" onSubmit={(e) => void valider(e)} noValidate>
      <h2 id="titre-residence">{propose ? 'Proposer une résidence' : 'Ajouter une résidence'}</h2>
      {propose && (
        <p class="aide">
          Seul un encadrant crée les résidences : la vôtre sera envoyée comme proposition, et les ménages que vous y créez partiront avec
          elle.
        </p>
      )}
      <div class="grille-champs">
        {champ('operation', 'Opération (projet de renouvellement)')}
        {champ('nom', 'Nom de la résidence')}
        {champ('adresse', 'Adresse')}
        {champ('commune', 'Commune')}
        {champ('dateOuverture', 'Date d’ouverture au relogement', 'date')}
        {champ('datePcdid', 'Date de la PCDID (démarrage officiel de la démolition)', 'date')}
      </div>
      <button type="submit" class="bouton">
        {propose ? 'Proposer la résidence' : 'Ajouter la résidence'}
      </button>
      {message && (
        <p role="status" class="succes">
          {message}
        </p>
      )}
    </form>
  );
}
