import type { Migration } from './migration.ts';

export const m009: Migration = {
  id: 9,
  name: 'login attempts per account and address',
  sql: `
      -- One counter per account and client address, taken and raised in one statement: the
      -- failures log counted then recorded in two steps, letting concurrent guesses through.
      drop table login_failures;
      create table login_attempts (
        key text primary key,
        attempts int not null,
        next_allowed timestamptz not null
      );
    `,
};
