import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import type { JSX } from 'preact';
import { differe } from '../../src/ui/commun/differe.tsx';

// The first screen's pieces load their modules at first use (src/ui/commun/differe.tsx).

describe('a component loaded at its first use', () => {
  it('shows « Chargement… » until its module is there, then the component with its props', async () => {
    let livrer: (m: { default: (p: { nom: string }) => JSX.Element }) => void = () => undefined;
    const Salut = differe<{ nom: string }>(() => new Promise((ok) => (livrer = ok)));
    render(<Salut nom="Claire" />);
    expect(screen.getByText('Chargement…')).toBeTruthy();
    livrer({ default: ({ nom }) => <p>Bonjour {nom}</p> });
    expect(await screen.findByText('Bonjour Claire')).toBeTruthy();
  });

  it('loaded beforehand, shows the component at once at its first use, its module loaded once', async () => {
    let chargements = 0;
    const Pilotage = differe<object>(() => {
      chargements++;
      return Promise.resolve({ default: () => <p>Chiffres</p> });
    });
    await Pilotage.precharger();
    render(<Pilotage />);
    expect(screen.getByText('Chiffres')).toBeTruthy();
    expect(chargements).toBe(1);
  });

  it('a module that failed to load (offline after an update) keeps its waiting text, and loads at the next use', async () => {
    let essais = 0;
    const Etat = differe<object>(
      () => (++essais === 1 ? Promise.reject(new Error('hors ligne')) : Promise.resolve({ default: () => <p>Synchronisé</p> })),
      () => <p>En préparation</p>,
    );
    const erreurs = console.error;
    console.error = () => undefined;
    try {
      const premier = render(<Etat />);
      await screen.findByText('En préparation');
      await Promise.resolve();
      premier.unmount();
    } finally {
      console.error = erreurs;
    }
    render(<Etat />);
    expect(await screen.findByText('Synchronisé')).toBeTruthy();
    expect(essais).toBe(2);
  });
});
