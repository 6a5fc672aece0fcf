/**
 * Sentence highlighting, by event delegation on the reader: one set of listeners
 * for a thousand paragraphs, and no React state, so hovering never re-renders.
 * A sentence is `[data-s]` inside a side `[data-lang-col]` of a `.pair`; a whole
 * side's text is `[data-align]`. Highlighted elements get `data-aligned`.
 */

type Slot = 'hover' | 'focus' | 'pin';

/** The element under the pointer or focus that takes part in alignment, if any. */
function alignable(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest<HTMLElement>('[data-s], [data-align]');
  if (!el?.closest('.pair [data-lang-col]')) return null;
  // The space between two sentences belongs to neither: lighting the whole paragraph there would flicker.
  if (!el.matches('[data-s]') && el.querySelector('[data-s]')) return null;
  return el;
}

/** The other side's sentence with the same index, else the other side's whole text (paragraph fallback). */
export function partnerOf(el: HTMLElement): HTMLElement | null {
  const side = el.closest<HTMLElement>('[data-lang-col]');
  const pair = side?.closest('.pair');
  if (!side || !pair) return null;
  const otherLang = side.dataset.langCol === 'nl' ? 'en' : 'nl';
  const other = pair.querySelector<HTMLElement>(`[data-lang-col="${otherLang}"]`);
  if (!other) return null;
  const index = el.dataset.s;
  const ownHasSentences = side.querySelector('[data-s]') !== null;
  if (index !== undefined && ownHasSentences) {
    const match = other.querySelector<HTMLElement>(`[data-s="${index}"]`);
    if (match) return match;
  }
  return other.querySelector<HTMLElement>('[data-align]');
}

const stacked = () => window.matchMedia('(max-width: 767.98px)').matches;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Installs the highlighter on `root`; returns the uninstaller. */
export function installAlignment(root: HTMLElement): () => void {
  const slots: Record<Slot, HTMLElement[]> = { hover: [], focus: [], pin: [] };

  const set = (slot: Slot, el: HTMLElement | null) => {
    const partner = el ? partnerOf(el) : null;
    const next = el && partner ? [el, partner] : [];
    const before = slots[slot];
    slots[slot] = next;
    const lit = new Set([...slots.hover, ...slots.focus, ...slots.pin]);
    for (const old of before) if (!lit.has(old)) old.removeAttribute('data-aligned');
    for (const now of lit) now.setAttribute('data-aligned', '');
    return partner;
  };

  const onOver = (e: PointerEvent) => {
    const el = alignable(e.target);
    if (el !== slots.hover[0]) set('hover', el);
  };
  const onLeave = (e: PointerEvent) => {
    if (!alignable(e.relatedTarget)) set('hover', null);
  };
  const onFocusIn = (e: FocusEvent) => {
    const el = alignable(e.target);
    set('focus', el?.matches('[data-s]') ? el : null);
  };
  const onFocusOut = () => set('focus', null);
  const onClick = (e: MouseEvent) => {
    const el = alignable(e.target);
    if (!el || (e.target as Element).closest('a, button, textarea, input')) {
      set('pin', null);
      return;
    }
    // A tap leaves the pair lit (touch has no hover); on a phone, where the pair is stacked,
    // the partner may be off screen: bring it into view.
    const partner = set('pin', el);
    if (partner && stacked())
      partner.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') set('pin', null);
  };

  root.addEventListener('pointerover', onOver);
  root.addEventListener('pointerout', onLeave);
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('pointerover', onOver);
    root.removeEventListener('pointerout', onLeave);
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    document.removeEventListener('click', onClick);
    document.removeEventListener('keydown', onKey);
    for (const el of [...slots.hover, ...slots.focus, ...slots.pin]) el.removeAttribute('data-aligned');
  };
}
