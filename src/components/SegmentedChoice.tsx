import { type CSSProperties, useId } from 'react';
import classes from './SegmentedChoice.module.css';

export type SegmentedChoiceProps<V extends string> = {
  value: V;
  onChange: (value: V) => void;
  data: readonly { value: V; label: string; disabled?: boolean }[];
  size?: 'xs' | 'sm' | 'md';
  fullWidth?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  className?: string;
  style?: CSSProperties;
  'data-testid'?: string;
};

/**
 * One of a few options, side by side: a radio group (arrow keys move between options, as in any radio group)
 * drawn as a segmented control. Used instead of Mantine's SegmentedControl, which forces a page layout on
 * every render (see SegmentedChoice.module.css).
 */
export function SegmentedChoice<V extends string>({
  value,
  onChange,
  data,
  size = 'sm',
  fullWidth,
  disabled,
  className,
  style,
  ...aria
}: SegmentedChoiceProps<V>) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      className={className ? `${classes.root} ${className}` : classes.root}
      style={style}
      data-size={size}
      data-full-width={fullWidth || undefined}
      {...aria}
    >
      {data.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <span key={option.value}>
            <input
              className={classes.input}
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={option.value === value}
              disabled={disabled || option.disabled}
              onChange={() => onChange(option.value)}
            />
            <label className={classes.label} htmlFor={id}>
              {option.label}
            </label>
          </span>
        );
      })}
    </div>
  );
}
