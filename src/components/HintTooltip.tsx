import { cloneElement, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactElement, useRef } from 'react';
import classes from './HintTooltip.module.css';
import { placeNextTo, setPopoverOpen } from './top-layer';

type AnchorProps = {
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  onPointerDown?: (e: PointerEvent<HTMLElement>) => void;
};

/**
 * A short label above a control (an icon button, which has the same text as its accessible name) while the
 * pointer is over it or it has the keyboard focus. The browser's own popover rather than Mantine's Tooltip: an
 * editor shows dozens of these, and each of Mantine's renders twice as it mounts (its positioning library keeps
 * the anchor in state). This one sets no React state at all.
 */
export function HintTooltip({ label, children }: { label: string; children: ReactElement<AnchorProps> }) {
  const tip = useRef<HTMLSpanElement>(null);
  const show = (anchor: HTMLElement) => {
    const el = tip.current;
    setPopoverOpen(el, true);
    if (el?.matches(':popover-open')) placeNextTo(el, anchor, 'top');
  };
  const hide = () => setPopoverOpen(tip.current, false);
  return (
    <>
      {cloneElement(children, {
        onPointerEnter: (e) => show(e.currentTarget),
        onPointerLeave: hide,
        // What the control does may move or disable it: the label goes before that.
        onPointerDown: hide,
        onFocus: (e) => e.currentTarget.matches(':focus-visible') && show(e.currentTarget),
        onBlur: hide,
        onKeyDown: (e) => e.key === 'Escape' && hide(),
      })}
      <span ref={tip} popover="manual" role="tooltip" className={classes.tip}>
        {label}
      </span>
    </>
  );
}
