import type { ErreurChamp } from '../commun/index.ts';
import { LIBELLES_POSTE_DEMENAGEMENT, POSTES_DEMENAGEMENT, type Demenagement } from './demenagement.ts';

// What must be fixed in a move's checklist; it is saved anyway, as typed.
export function verifierDemenagement(d: Demenagement, bailSigneLe: string | null, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (d.demenageLe !== null && bailSigneLe !== null && d.demenageLe < bailSigneLe)
    erreurs.push({ champ: 'demenageLe', message: 'Le déménagement ne peut pas précéder la signature du bail.' });
  for (const poste of POSTES_DEMENAGEMENT) {
    const p = d.postes[poste];
    if (!p) continue;
    const libelle = LIBELLES_POSTE_DEMENAGEMENT[poste];
    if (p.factureRemiseLe !== null && p.factureRemiseLe > aujourdhui)
      erreurs.push({ champ: `${poste}.factureRemiseLe`, message: `${libelle} : la facture ne peut pas être remise dans le futur.` });
    if (p.rembourseLe !== null && p.factureRemiseLe === null)
      erreurs.push({ champ: `${poste}.rembourseLe`, message: `${libelle} : indiquez quand la facture a été remise.` });
    if (p.rembourseLe !== null && p.factureRemiseLe !== null && p.rembourseLe < p.factureRemiseLe)
      erreurs.push({
        champ: `${poste}.rembourseLe`,
        message: `${libelle} : le remboursement ne peut pas précéder la remise de la facture.`,
      });
    if (p.rembourseLe !== null && p.rembourseLe > aujourdhui)
      erreurs.push({ champ: `${poste}.rembourseLe`, message: `${libelle} : le remboursement ne peut pas être daté dans le futur.` });
  }
  return erreurs;
}
