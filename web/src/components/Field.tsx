import type { ComponentPropsWithRef, ReactNode } from 'react';

interface Props extends ComponentPropsWithRef<'input'> {
  id: string;
  label: ReactNode;
  /** Shown under the input as `${id}-hint`, which describes it. */
  hint?: ReactNode;
  /** What is wrong with the value, as `${id}-error` (class field-error): describes the input and marks it aria-invalid. */
  error?: ReactNode;
  /** More ids that describe the input, after the hint's and the error's (a status line or warning among the children). */
  describedBy?: string[];
  /** Shown after the hint and the error. */
  children?: ReactNode;
}

/**
 * A labelled input (`div.field`): its label, the input (every other prop, `ref` included, goes to it), a hint and an
 * error tied to it with aria-describedby. An `aria-invalid` prop overrides the one the error sets.
 */
export function Field({ id, label, hint, error, describedBy = [], children, ...input }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...describedBy].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {children}
    </div>
  );
}
