import type { Migration } from './migration.ts';

export const m013: Migration = {
  id: 13,
  name: 'territories, partner organisations and pooled records',
  sql: `
    -- A territory (a métropole, or a town's renewal programme) groups organisations that share
    -- pooled offers and candidates; nothing crosses its border.
    create table territories (
      id uuid primary key,
      name text not null unique,
      kind text not null check (kind in ('metropole', 'programme')),
      created_at timestamptz not null default now()
    );
    alter table organisations add column territory_id uuid references territories (id);
    create index organisations_territory on organisations (territory_id);
    alter table organisations drop constraint organisations_kind_check;
    alter table organisations add constraint organisations_kind_check
      check (kind in ('bailleur', 'mous', 'ville', 'metropole', 'etat', 'action_logement', 'plateforme'));
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check check (role in ('chargé', 'encadrant', 'administrateur', 'partenaire'));
    -- Pooled records (offers, candidates' positions) are seen across the organisations of their
    -- territory: the territory they were written in is kept with them.
    alter table records add column territory_id uuid references territories (id);
    create index records_territory on records (territory_id, tbl) where territory_id is not null;
    -- The positions on an offer, found by the offer they name.
    create index fields_offre on fields ((value #>> '{}')) where field = 'offreId';
  `,
};
