import { useId } from 'react';
import classes from './SegmentedChoice.module.css';

export type SegmentedChoiceProps<V extends string> = {
  value: V;
  onChange: (value: V) => void;
  data: readonly { value: V; label: string; disabled?: boolean }[];
  size?: 'xs' | 'sm';
  'aria-label'?: string;
  'aria-labelledby'?: string;
};

/**
 * One of a few options, side by side: a radio group (arrow keys move between options, as in any radio group)
 * drawn as a segmented control. Used instead of Mantine's SegmentedControl, which forces a page layout on
 * every render (see SegmentedChoice.module.css).
 */
export function SegmentedChoice<V extends string>({ value, onChange, data, size = 'sm', ...aria }: SegmentedChoiceProps<V>) {
  const name = useId();
  return (
    <div role="radiogroup" className={classes.root} data-size={size} {...aria}>
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
              disabled={option.disabled}
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
