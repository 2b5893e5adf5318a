import type { Migration } from './migration.ts';

export const m015: Migration = {
  id: 15,
  name: 'territory priority operations',
  sql: `
    -- The operations a territory's steering committee made priority (convention AMP art. 10), by
    -- name: each organisation keeps its own operation records, under ids made on its tablets.
    create table territory_priority_operations (
      territory_id uuid not null references territories (id),
      name text not null,
      primary key (territory_id, name)
    );
  `,
};
