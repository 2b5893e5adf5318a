import { estVide, verifierReponse } from '../../domain/index.ts';
import type { Question, Reponse } from '../../domain/index.ts';
import { ChampChoix, ChampMulti, ChampSaisie } from '../commun/champs.tsx';

type Props = {
  question: Question;
  reponse: Reponse | undefined;
  enregistrer: (r: Reponse | null) => Promise<unknown>;
  aujourdhui: string;
  lectureSeule: boolean;
  modifiee: boolean;
  erreur: string | null;
};

/** The id of a question's field, for links that lead to it. */
export const idQuestion = (cle: string) => `q-${cle.replace(/\./g, '-')}`;

/** One question of the grid, with "ne souhaite pas répondre" wherever the household may decline. */
export function QuestionChamp({ question: q, reponse, enregistrer, aujourdhui, lectureSeule, modifiee, erreur }: Props) {
  const id = idQuestion(q.id);
  const nsp = reponse?.nsp ?? false;
  const sauver = (valeur: string | string[]) => enregistrer(estVide({ valeur }) && !nsp ? null : { valeur, ...(nsp ? { nsp } : {}) });
  const commun = { id, libelle: q.libelle, aide: q.aide, desactive: lectureSeule || nsp, erreurExterne: erreur };
  const texte = typeof reponse?.valeur === 'string' ? reponse.valeur : '';
  const liste = Array.isArray(reponse?.valeur) ? reponse.valeur : [];
  const champ = (() => {
    switch (q.type) {
      case 'choix':
        return <ChampChoix {...commun} options={q.options} valeur={texte} enregistrer={sauver} />;
      case 'multi':
        return <ChampMulti {...commun} options={q.options} valeur={liste} enregistrer={sauver} />;
      case 'date':
        return (
          <ChampSaisie
            {...commun}
            genre="date"
            valeur={texte}
            enregistrer={sauver}
            verifier={(v) => verifierReponse(q, { valeur: v }, aujourdhui)}
          />
        );
      case 'texte':
        return <ChampSaisie {...commun} genre={q.multiligne ? 'multiligne' : 'texte'} valeur={texte} enregistrer={sauver} />;
      default:
        return (
          <ChampSaisie
            {...commun}
            genre="nombre"
            valeur={texte}
            enregistrer={sauver}
            verifier={(v) => verifierReponse(q, { valeur: v }, aujourdhui)}
          />
        );
    }
  })();
  return (
    <div class={`question${modifiee ? ' modifiee' : ''}`} data-question={q.id}>
      {modifiee && <span class="badge info">Modifié depuis le dernier entretien</span>}
      {champ}
      {/* A regulatory question cannot be declined; one declined anyway (older grid, another device) can be undone. */}
      {(!q.reglementaire || nsp) && (
        <label class="option case nsp">
          <input
            type="checkbox"
            checked={nsp}
            disabled={lectureSeule}
            onChange={(e) => void enregistrer({ valeur: reponse?.valeur ?? '', ...(e.currentTarget.checked ? { nsp: true } : {}) })}
          />
          <span>Ne souhaite pas répondre</span>
        </label>
      )}
    </div>
  );
}
