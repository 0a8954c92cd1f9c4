import { elementScroll, observeElementOffset, observeElementRect } from '@tanstack/react-virtual';

/*
 * The virtualizer reads the scroller's size and scroll position, and scrolls it to where it already is, the
 * moment it mounts. Each of those makes the browser lay out the whole page in the middle of React's commit: one
 * long task on a page's first load. These replacements leave that first layout to the browser's own frame.
 */

type Observer = typeof observeElementRect | typeof observeElementOffset;

/** Starts an observer a frame later: it then reads what that frame has laid out anyway (`initialRect` until then). */
function fromNextFrame<O extends Observer>(observe: O): O {
  return ((instance: Parameters<O>[0], cb: Parameters<O>[1]) => {
    if (typeof requestAnimationFrame !== 'function') return (observe as Observer)(instance, cb as never);
    let stop: (() => void) | undefined;
    const frame = requestAnimationFrame(() => {
      stop = (observe as Observer)(instance, cb as never) ?? undefined;
    });
    return () => {
      cancelAnimationFrame(frame);
      stop?.();
    };
  }) as O;
}

export const observeRectFromNextFrame = fromNextFrame(observeElementRect);
export const observeOffsetFromNextFrame = fromNextFrame(observeElementOffset);

const scrolledBefore = new WeakSet<Element | Window>();

/**
 * `elementScroll`, except the first "scroll to 0" of a new scroller, which is at 0 already: the browser would
 * not move it nor fire a scroll event, only lay out the page to find that out.
 */
export const scrollUnlessNewAtTop: typeof elementScroll = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (element && !scrolledBefore.has(element)) {
    scrolledBefore.add(element);
    if (offset === 0 && !options.adjustments) return;
  }
  elementScroll(offset, options, instance);
};
