import type { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeRectFromNextFrame, scrollUnlessNewAtTop } from './virtual-no-forced-layout';

type AnyVirtualizer = Virtualizer<Element, Element>;
const virtualizerOn = (element: Element) =>
  ({ scrollElement: element, targetWindow: window, options: { horizontal: false } }) as unknown as AnyVirtualizer;

afterEach(() => vi.unstubAllGlobals());

describe('scrollUnlessNewAtTop', () => {
  it('skips only the first scroll to the top of a new scroller', () => {
    const element = document.createElement('section');
    element.scrollTo = vi.fn();
    const virtualizer = virtualizerOn(element);
    scrollUnlessNewAtTop(0, {}, virtualizer);
    expect(element.scrollTo).not.toHaveBeenCalled();
    scrollUnlessNewAtTop(0, {}, virtualizer);
    scrollUnlessNewAtTop(240, {}, virtualizer);
    expect(element.scrollTo).toHaveBeenCalledTimes(2);
    expect(element.scrollTo).toHaveBeenLastCalledWith({ top: 240, behavior: undefined });
  });

  it('does scroll a new scroller that is asked to go elsewhere', () => {
    const element = document.createElement('section');
    element.scrollTo = vi.fn();
    scrollUnlessNewAtTop(480, {}, virtualizerOn(element));
    expect(element.scrollTo).toHaveBeenCalledWith({ top: 480, behavior: undefined });
  });
});

describe('observeRectFromNextFrame', () => {
  it('reads the size only in the next frame, and not at all once stopped', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.splice(id - 1, 1, () => {}));
    const element = document.createElement('section');
    const read = vi.fn(() => 560);
    Object.defineProperty(element, 'clientHeight', { get: read });
    Object.defineProperty(element, 'clientWidth', { get: () => 900 });
    const sizes: { height: number }[] = [];
    const stop = observeRectFromNextFrame(virtualizerOn(element), (rect) => sizes.push(rect));
    expect(read).not.toHaveBeenCalled();
    frames.shift()?.(0);
    expect(sizes).toEqual([{ width: 900, height: 560 }]);
    stop?.();

    const stopEarly = observeRectFromNextFrame(virtualizerOn(element), (rect) => sizes.push(rect));
    stopEarly?.();
    for (const f of frames) f(0);
    expect(sizes).toHaveLength(1);
  });
});
