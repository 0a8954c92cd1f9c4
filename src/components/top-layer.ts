/**
 * Helpers for the browser's own popovers (`popover` attribute): they open in the top layer, so no container
 * clips them, and need no positioning library. Placed next to their anchor when shown.
 */

const GAP = 8;

/** Next to `anchor` (`side` first, the other side when there is no room), kept inside the viewport. */
export function placeNextTo(panel: HTMLElement, anchor: HTMLElement, side: 'top' | 'bottom') {
  const box = anchor.getBoundingClientRect();
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const left = Math.min(Math.max(GAP, box.left + box.width / 2 - width / 2), window.innerWidth - width - GAP);
  const above = box.top - GAP - height;
  const below = box.bottom + GAP;
  const fitsAbove = above > 0;
  const fitsBelow = below + height < window.innerHeight;
  const top = side === 'top' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above;
  panel.style.left = `${Math.max(GAP, left)}px`;
  panel.style.top = `${Math.max(GAP, top)}px`;
}

/** Shows or hides a popover; nothing where the browser has no popover support (it then stays hidden). */
export function setPopoverOpen(panel: HTMLElement | null, open: boolean) {
  if (!panel || typeof panel.showPopover !== 'function') return;
  const isOpen = panel.matches(':popover-open');
  if (open && !isOpen) panel.showPopover();
  if (!open && isOpen) panel.hidePopover();
}
