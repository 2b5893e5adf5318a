import { ESSAIS_AVANT_OUBLI, choisirCode } from '../../data/index.ts';
import type { RelogementDb } from '../../data/index.ts';
import { ChoisirCode } from './ChoisirCode.tsx';

/** The first start of this device: the code that will seal its data. */
export default function PremierCode({ db, onOuvert }: { db: RelogementDb; onOuvert: () => void }) {
  return (
    <ChoisirCode titre="Choisissez votre code" onOuvert={onOuvert} enregistrer={(code, genre) => choisirCode(db, code, genre)}>
      <p class="aide">
        Les données des ménages sont chiffrées sur cette tablette. Ce code les déverrouille à chaque démarrage et après une période
        d’inactivité. Ne le notez pas sur la tablette : sans lui, les données ne peuvent pas être lues. Après {ESSAIS_AVANT_OUBLI} codes
        erronés, la tablette efface ses données.
      </p>
    </ChoisirCode>
  );
}
