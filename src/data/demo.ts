import { genererDemo } from '../domain/index.ts';
import type { Demo } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrireLot } from './ecriture.ts';
import type { Ecriture } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { lireEquipe } from './synchro.ts';

export const ecrituresDemo = (demo: Demo): Ecriture[] => [
  { table: 'operations', record: demo.operation },
  { table: 'residences', record: demo.residence },
  ...demo.menages.map((record): Ecriture => ({ table: 'menages', record })),
  ...demo.personnes.map((record): Ecriture => ({ table: 'personnes', record })),
  ...demo.entretiens.map((record): Ecriture => ({ table: 'entretiens', record })),
];

/** The settings button: one clearly fictitious résidence of 40 households, followed by the organisation's chargés when the device knows them. */
export async function chargerDemo(db: RelogementDb, aujourdhui: string, nombre = 40): Promise<Demo> {
  const equipe = ((await lireEquipe(db)) ?? []).filter((u) => u.role === 'chargé').map((u) => ({ id: u.id, nom: u.name }));
  const demo = genererDemo({ nombre, graine: Date.now() % 100_000, aujourdhui, nouvelId: () => uuidv7(), equipe });
  await ecrireLot(db, ecrituresDemo(demo));
  return demo;
}

