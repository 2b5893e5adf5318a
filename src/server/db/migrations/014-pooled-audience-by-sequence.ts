import type { Migration } from './migration.ts';

export const m014: Migration = {
  id: 14,
  name: 'pooled audience changes found by sequence',
  sql: `
    -- The fields on which who sees a pooled position depends (the household's consent, the
    -- designation, the demolishing landlord), found by sequence: a pull re-examines the positions
    -- whose audience changed within its page without scanning every field of the page.
    create index fields_audience_seq on fields (seq)
      where field like 'consentements%' or field in ('refusConsentement', 'statut', 'designeLe', 'bailleurOrigineId');
  `,
};
