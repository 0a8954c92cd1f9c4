import { ActionIcon } from '@mantine/core';
import { fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { HintTooltip } from './HintTooltip';

// happy-dom has no popover API: a minimal one (open or not), enough for what the component asks of it.
const shown = new WeakSet<Element>();
const originalMatches = Element.prototype.matches;
beforeAll(() => {
  Object.assign(HTMLElement.prototype, {
    showPopover(this: HTMLElement) {
      shown.add(this);
    },
    hidePopover(this: HTMLElement) {
      shown.delete(this);
    },
  });
  Element.prototype.matches = function (this: Element, selector: string) {
    return selector === ':popover-open' ? shown.has(this) : originalMatches.call(this, selector);
  } as typeof originalMatches;
});
afterAll(() => {
  Element.prototype.matches = originalMatches;
  Reflect.deleteProperty(HTMLElement.prototype, 'showPopover');
  Reflect.deleteProperty(HTMLElement.prototype, 'hidePopover');
});

describe('HintTooltip', () => {
  it('shows its label on hover, hides it on leave and before a press, and keeps the control’s own click', () => {
    const onClick = vi.fn();
    renderWithProviders(
      <HintTooltip label="Move up">
        <ActionIcon aria-label="Move up" onClick={onClick}>
          ↑
        </ActionIcon>
      </HintTooltip>,
    );
    const button = screen.getByRole('button', { name: 'Move up' });
    const tip = screen.getByText('Move up', { selector: '[role="tooltip"]' });
    expect(tip).toHaveAttribute('popover', 'manual');
    expect(shown.has(tip)).toBe(false);
    fireEvent.pointerEnter(button);
    expect(shown.has(tip)).toBe(true);
    fireEvent.pointerLeave(button);
    expect(shown.has(tip)).toBe(false);
    fireEvent.pointerEnter(button);
    fireEvent.pointerDown(button);
    expect(shown.has(tip)).toBe(false);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('shows on keyboard focus only, and Escape hides it', () => {
    renderWithProviders(
      <HintTooltip label="Undo">
        <ActionIcon aria-label="Undo">↶</ActionIcon>
      </HintTooltip>,
    );
    const button = screen.getByRole('button', { name: 'Undo' });
    const tip = screen.getByText('Undo', { selector: '[role="tooltip"]' });
    const focusVisible = vi.spyOn(button, 'matches').mockImplementation((s) => s === ':focus-visible');
    fireEvent.focus(button);
    expect(shown.has(tip)).toBe(true);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(shown.has(tip)).toBe(false);
    fireEvent.blur(button);
    focusVisible.mockImplementation(() => false);
    fireEvent.focus(button);
    expect(shown.has(tip)).toBe(false);
  });
});
