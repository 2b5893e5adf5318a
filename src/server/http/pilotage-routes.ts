import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { filtresPilotageSchema, verifierPeriode } from '../../domain/index.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http-error.ts';
import { steeringReport } from '../pilotage/report.ts';
import { reportScope } from '../pilotage/scope.ts';
import { SANS_RAPPORT_PILOTAGE, type PilotageResponse } from '../../sync/index.ts';
import { actorOf, requireSession } from './authenticate.ts';
import { parseInput } from './errors.ts';

// GET /api/v1/pilotage?debut=…&fin=…&operationId=…: the steering report of what the caller may
// see (pilotage/scope.ts), computed by the same domain functions as the tablet, with what its
// filters offer (the caller's device may hold none of the records: the métropole, a partner).
const texte = z.string().trim().min(1).max(200).optional();
const querySchema = z.object({
  debut: z.string({ error: 'Indiquez le début de la période (debut=AAAA-MM-JJ).' }),
  fin: z.string({ error: 'Indiquez la fin de la période (fin=AAAA-MM-JJ).' }),
  operationId: texte,
  residenceId: texte,
  bailleur: texte,
  commune: texte,
  qpv: z.enum(['oui', 'non']).optional(),
  typologie: texte,
  financement: texte,
});

export function pilotageRoutes(app: FastifyInstance, db: Database): void {
  const session = requireSession(db);
  app.get('/api/v1/pilotage', { preHandler: session }, async (request) => {
    const actor = actorOf(request);
    const scope = await reportScope(db, actor);
    if (scope === null)
      throw new HttpError(
        403,
        actor.role === 'chargé' ? 'Le pilotage d’une chargée se calcule sur sa tablette, sur son portefeuille.' : SANS_RAPPORT_PILOTAGE,
      );
    const q = parseInput(querySchema, request.query);
    const erreur = verifierPeriode({ debut: q.debut, fin: q.fin });
    if (erreur) throw new HttpError(400, erreur);
    const filtres = parseInput(filtresPilotageSchema, {
      periode: { debut: q.debut, fin: q.fin },
      operationId: q.operationId ?? null,
      residenceId: q.residenceId ?? null,
      bailleur: q.bailleur ?? null,
      commune: q.commune ?? null,
      qpv: q.qpv === undefined ? null : q.qpv === 'oui',
      typologie: q.typologie ?? null,
      financement: q.financement ?? null,
    });
    const rapport = await steeringReport(db, scope, filtres, actor.organisation.id);
    const reponse: PilotageResponse = { ...rapport, agregatsSeulement: scope.aggregatesOnly };
    return reponse;
  });
}
