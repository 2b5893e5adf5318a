import axe from 'axe-core';
import type { Page } from 'playwright-core';

// What a tablet layout audit of one screen finds, written as lines a developer can act on:
// the screen, the problem, and the element (a CSS path and its text).

const IMPACTS_GRAVES = new Set(['moderate', 'serious', 'critical']);

/** axe-core's violations of impact moderate or above, one line per offending element. */
export async function violationsAxe(page: Page, ecran: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, the source is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const resultats = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return resultats.violations
    .filter((v) => IMPACTS_GRAVES.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${ecran} — axe ${v.id} (${v.impact}) : ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`,
      ),
    );
}

/** The document scrolls sideways when its content is wider than the viewport. */
export async function defilementLateral(page: Page, ecran: string): Promise<string[]> {
  const largeurs = await page.evaluate(() => {
    const racine = document.scrollingElement ?? document.documentElement;
    const depasse = (e: Element) => e.getBoundingClientRect().right > racine.clientWidth + 1;
    // The outermost elements that overflow: the ones to fix.
    const trop = [...document.body.querySelectorAll('*')]
      .filter((e) => depasse(e) && !(e.parentElement && depasse(e.parentElement)))
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''} (${Math.round(e.getBoundingClientRect().width)} px)`,
      );
    return { scroll: racine.scrollWidth, client: racine.clientWidth, trop };
  });
  if (largeurs.scroll <= largeurs.client) return [];
  return [
    `${ecran} — défile latéralement : ${largeurs.scroll} px pour ${largeurs.client} px ; trop larges : ${largeurs.trop.slice(0, 5).join(', ')}`,
  ];
}

/**
 * Every visible control is at least 44 px high: buttons, fields, selects, links styled or used as
 * buttons (alone in their block), summaries. A checkbox, a radio or a visually hidden input is
 * judged by its label, which is what the finger touches.
 */
export async function ciblesTropPetites(page: Page, ecran: string): Promise<string[]> {
  return page.evaluate((nom) => {
    const MIN = 44;
    const decrire = (e: Element) => {
      const texte = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      const id = e.id ? `#${e.id}` : '';
      const type = e.getAttribute('type') ? `[type=${e.getAttribute('type')}]` : '';
      return `${e.tagName.toLowerCase()}${id}${type}${texte ? ` « ${texte} »` : ''}`;
    };
    const visible = (e: Element) => e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
    const cacheVisuellement = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width <= 1 || r.height <= 1 || getComputedStyle(e).opacity === '0';
    };
    // A link is used as a button when its block holds nothing but links and separators.
    const seulDansSonBloc = (a: Element) => {
      const bloc = a.parentElement;
      if (!bloc) return true;
      const liens = [...bloc.querySelectorAll('a')].reduce((texte, l) => texte.replace(l.textContent ?? '', ''), bloc.textContent ?? '');
      return /^[\s·|—-]*$/.test(liens);
    };
    const etiquette = (e: HTMLInputElement) =>
      e.closest('label') ?? (e.id ? document.querySelector(`label[for="${CSS.escape(e.id)}"]`) : null);
    const problemes: string[] = [];
    const cibles = document.querySelectorAll('button, input, select, textarea, summary, a[href]');
    for (const e of cibles) {
      if (e.closest('.evitement')) continue;
      // A link inside a sentence is exempt; one laid out as a block (a flex item…) is a target of its own.
      if (
        e instanceof HTMLAnchorElement &&
        !e.classList.contains('bouton') &&
        !seulDansSonBloc(e) &&
        getComputedStyle(e).display === 'inline'
      )
        continue;
      let mesure: Element = e;
      if (e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio' || e.type === 'hidden' || cacheVisuellement(e))) {
        if (e.type === 'hidden') continue;
        const l = etiquette(e);
        if (!l) {
          if (visible(e) || cacheVisuellement(e)) problemes.push(`${nom} — ${decrire(e)} sans étiquette à toucher`);
          continue;
        }
        mesure = l;
      }
      if (!visible(mesure)) continue;
      const h = mesure.getBoundingClientRect().height;
      if (h < MIN - 0.5) problemes.push(`${nom} — ${decrire(mesure)} : ${Math.round(h)} px de haut (minimum ${MIN} px)`);
    }
    return problemes;
  }, ecran);
}

/** Everything wrong with the screen now shown, at the current viewport size. */
export async function inspecter(page: Page, ecran: string): Promise<string[]> {
  return [...(await violationsAxe(page, ecran)), ...(await defilementLateral(page, ecran)), ...(await ciblesTropPetites(page, ecran))];
}
