import { LIBELLES_VIGILANCE } from '../../domain/index.ts';
import type { CodeVigilance } from '../../domain/index.ts';

/** The charter's special watch after the move (charte §4 step 13): a badge, its reasons as a tooltip. */
export function BadgeVigilance({ codes }: { codes: readonly CodeVigilance[] }) {
  if (codes.length === 0) return null;
  return (
    <span class="badge alerte vigilance" title={codes.map((c) => LIBELLES_VIGILANCE[c]).join(' ; ')}>
      Vigilance
    </span>
  );
}

/** The same, spelled out, in a visit report. */
export function AlerteVigilance({ codes }: { codes: readonly CodeVigilance[] }) {
  if (codes.length === 0) return null;
  return (
    <div class="alerte-vigilance" role="status">
      <p>
        <strong>Vigilance</strong> : ce ménage demande une attention particulière.
      </p>
      <ul>
        {codes.map((c) => (
          <li key={c}>{LIBELLES_VIGILANCE[c]}</li>
        ))}
      </ul>
    </div>
  );
}
